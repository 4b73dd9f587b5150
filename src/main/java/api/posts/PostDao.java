package api.posts;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(PostRow.class)
public interface PostDao {

    /**
     * The vote count is a correlated subquery rather than a GROUP BY: with ORDER BY id LIMIT n the database
     * walks the primary key, stops after n rows and counts only their votes through idx_votes_post_id.
     */
    String SELECT_POSTS = """
        SELECT p.id, p.title, p.content, p.published, p.created_at, p.owner_id,
               u.email AS owner_email, u.created_at AS owner_created_at,
               (SELECT COUNT(*) FROM votes v WHERE v.post_id = p.id) AS votes
        FROM posts p
        JOIN users u ON u.id = p.owner_id
        """;

    @SqlUpdate("""
        INSERT INTO posts (title, content, published, owner_id)
        VALUES (:title, :content, :published, :ownerId)
        """)
    @GetGeneratedKeys("id")
    long insert(@BindMethods NewPost post, long ownerId);

    @SqlQuery(SELECT_POSTS + """
        WHERE p.id = :id
        """)
    Optional<PostRow> find(long id);

    /** {@code titlePattern} is a LIKE pattern over the lower-cased title, with {@code !} as the escape character. */
    @SqlQuery(SELECT_POSTS + """
        WHERE LOWER(p.title) LIKE :titlePattern ESCAPE '!'
        ORDER BY p.id
        LIMIT :limit OFFSET :skip
        """)
    List<PostRow> list(String titlePattern, int limit, int skip);

    @SqlQuery("SELECT owner_id FROM posts WHERE id = :id")
    Optional<Long> ownerOf(long id);

    @SqlUpdate("""
        UPDATE posts SET title = :title, content = :content, published = :published
        WHERE id = :id
        """)
    int update(long id, @BindMethods NewPost post);

    @SqlUpdate("DELETE FROM posts WHERE id = :id")
    int delete(long id);
}
