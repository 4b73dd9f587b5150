package api.posts;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The posts table, on Jdbi's fluent API rather than a SqlObject interface like the other DAOs. An on-demand
 * SqlObject re-attaches itself on every call (a proxy, a handler and a config copy per method of the interface);
 * on GET /posts, the busiest route, that overhead outweighed the rest of the request, and its ratio to the SQL floor
 * is one of the service's targets (src/docs/performance.md).
 */
public final class PostDao {

    /** A post, its owner and its vote count, from {@code p}: posts or a page of them. */
    static final String POST_COLUMNS = """
        SELECT p.id, p.title, p.content, p.published, p.created_at, p.owner_id,
               u.email AS owner_email, u.created_at AS owner_created_at,
               (SELECT COUNT(*) FROM votes v WHERE v.post_id = p.id) AS votes
        """;

    private static final String ONE = POST_COLUMNS + """
        FROM posts p
        JOIN users u ON u.id = p.owner_id
        WHERE p.id = :id
        """;

    /**
     * A page of posts, on H2: the published ones and the viewer's own. {@code titlePattern} is a LIKE pattern over
     * the lower-cased title, with {@code !} as the escape character. The page of ids is cut in a derived table first,
     * which makes every database drive the join from posts. The derived table holds ids only: with the TEXT content
     * in it, MariaDB materialised it as an on-disk temporary table on every call.
     */
    static final String PAGE_PORTABLE = POST_COLUMNS + """
        FROM (SELECT id FROM posts
              WHERE LOWER(title) LIKE :titlePattern ESCAPE '!' AND (published OR owner_id = :viewer)
              ORDER BY id
              LIMIT :limit OFFSET :skip) page
        JOIN posts p ON p.id = page.id
        JOIN users u ON u.id = p.owner_id
        ORDER BY p.id
        """;

    /**
     * The same page on MySQL and MariaDB. STRAIGHT_JOIN keeps posts first, read in id order until the LIMIT; left to
     * itself MariaDB drives the join from users and sorts every post. The derived table of {@link #PAGE_PORTABLE}
     * does that too, but MariaDB builds it as a temporary table and filesorts it on every call. H2 has no
     * STRAIGHT_JOIN.
     */
    static final String PAGE_MYSQL = POST_COLUMNS.replaceFirst("SELECT", "SELECT STRAIGHT_JOIN") + """
        FROM posts p
        JOIN users u ON u.id = p.owner_id
        WHERE LOWER(p.title) LIKE :titlePattern ESCAPE '!' AND (p.published OR p.owner_id = :viewer)
        ORDER BY p.id
        LIMIT :limit OFFSET :skip
        """;

    private static final PostRowMapper ROWS = new PostRowMapper();

    private final Jdbi jdbi;
    private final String page;

    public PostDao(Jdbi jdbi, boolean h2) {
        this.jdbi = jdbi;
        this.page = pageSql(h2);
    }

    /** The page query for H2, or for MySQL and MariaDB. */
    public static String pageSql(boolean h2) {
        return h2 ? PAGE_PORTABLE : PAGE_MYSQL;
    }

    public long insert(NewPost post, long ownerId) {
        return jdbi.withHandle(h -> h.createUpdate("""
                INSERT INTO posts (title, content, published, owner_id)
                VALUES (:title, :content, :published, :ownerId)
                """)
                .bind("title", post.title())
                .bind("content", post.content())
                .bind("published", post.published())
                .bind("ownerId", ownerId)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
    }

    public Optional<PostRow> find(long id) {
        return jdbi.withHandle(h -> h.createQuery(ONE).bind("id", id).map(ROWS).findOne());
    }

    /** A page of the posts {@code viewerId} may see: the published ones and its own drafts. */
    public List<PostRow> list(String titlePattern, long viewerId, int limit, int skip) {
        return jdbi.withHandle(h -> h.createQuery(page)
                .bind("titlePattern", titlePattern)
                .bind("viewer", viewerId)
                .bind("limit", limit)
                .bind("skip", skip)
                .map(ROWS)
                .list());
    }

    public Optional<Long> ownerOf(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT owner_id FROM posts WHERE id = :id")
                .bind("id", id)
                .mapTo(Long.class)
                .findOne());
    }

    public int update(long id, NewPost post) {
        return jdbi.withHandle(h -> h.createUpdate("""
                UPDATE posts SET title = :title, content = :content, published = :published
                WHERE id = :id
                """)
                .bind("title", post.title())
                .bind("content", post.content())
                .bind("published", post.published())
                .bind("id", id)
                .execute());
    }

    public int delete(long id) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM posts WHERE id = :id")
                .bind("id", id)
                .execute());
    }
}
