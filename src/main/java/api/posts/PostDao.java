package api.posts;

import api.db.Dialect;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Fluent Jdbi rather than a SqlObject, whose per-call re-attachment cost more than the SQL on GET /posts, the busiest
 * route.
 */
public final class PostDao {

    private static final String ONE = """
        SELECT p.id, p.title, p.content, p.published, p.created_at, p.owner_id,
               COALESCE(u.display_email, u.email) AS owner_email, u.created_at AS owner_created_at,
               (SELECT COUNT(*) FROM votes v WHERE v.post_id = p.id) AS votes
        FROM posts p
        JOIN users u ON u.id = p.owner_id
        WHERE p.id = :id
        """;

    /** STRAIGHT_JOIN, which H2 lacks, keeps posts first, where MariaDB would drive from users and sort every post. */
    private static final String PAGE_ON_MYSQL = """
        SELECT STRAIGHT_JOIN p.id, p.title, p.content, p.published, p.created_at, p.owner_id,
               COALESCE(u.display_email, u.email) AS owner_email, u.created_at AS owner_created_at,
               (SELECT COUNT(*) FROM votes v WHERE v.post_id = p.id) AS votes
        FROM posts p
        JOIN users u ON u.id = p.owner_id
        WHERE LOWER(p.title) LIKE :titlePattern ESCAPE '!' AND (p.published OR p.owner_id = :viewer)
        ORDER BY p.id
        LIMIT :limit OFFSET :skip
        """;

    /** The derived table holds ids only because with the TEXT content MariaDB made it an on-disk temporary table. */
    private static final String PAGE_ON_H2 = """
        SELECT p.id, p.title, p.content, p.published, p.created_at, p.owner_id,
               COALESCE(u.display_email, u.email) AS owner_email, u.created_at AS owner_created_at,
               (SELECT COUNT(*) FROM votes v WHERE v.post_id = p.id) AS votes
        FROM (SELECT id FROM posts
              WHERE LOWER(title) LIKE :titlePattern ESCAPE '!' AND (published OR owner_id = :viewer)
              ORDER BY id
              LIMIT :limit OFFSET :skip) page
        JOIN posts p ON p.id = page.id
        JOIN users u ON u.id = p.owner_id
        ORDER BY p.id
        """;

    private static final PostRowMapper ROWS = new PostRowMapper();

    private final Jdbi jdbi;
    private final String page;

    public PostDao(Jdbi jdbi, Dialect dialect) {
        this.jdbi = jdbi;
        this.page = pageSql(dialect);
    }

    /** The page of posts is the one statement the dialects write apart. */
    public static String pageSql(Dialect dialect) {
        return switch (dialect) {
            case MYSQL -> PAGE_ON_MYSQL;
            case H2 -> PAGE_ON_H2;
        };
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

    /**
     * A page of the posts {@code viewerId} may see: the published ones and its own drafts. {@code titlePattern} is a
     * LIKE pattern over the lower-cased title, escaped with {@code !}.
     */
    public List<PostRow> list(String titlePattern, long viewerId, int limit, int skip) {
        return jdbi.withHandle(h -> h.createQuery(page)
                .bind("titlePattern", titlePattern)
                .bind("viewer", viewerId)
                .bind("limit", limit)
                .bind("skip", skip)
                .map(ROWS)
                .list());
    }

    /** The owner of a post {@code viewerId} may see (published, or its own draft); empty for any other. */
    public Optional<Long> ownerOfVisible(long id, long viewerId) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT owner_id FROM posts WHERE id = :id AND (published OR owner_id = :viewer)")
                        .bind("id", id)
                        .bind("viewer", viewerId)
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
