package api.votes;

import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

public interface VoteDao {

    /**
     * Adds the vote if the user may see the post (published, or its own); 0 rows when it may not or it is gone. No
     * "has this user voted?" pre-check: two simultaneous votes would both pass it. The primary key (user_id, post_id)
     * decides instead, and the loser gets a duplicate-key error.
     */
    @SqlUpdate("""
        INSERT INTO votes (post_id, user_id)
        SELECT id, :userId FROM posts WHERE id = :postId AND (published OR owner_id = :userId)
        """)
    int add(long postId, long userId);

    @SqlUpdate("DELETE FROM votes WHERE post_id = :postId AND user_id = :userId")
    int remove(long postId, long userId);

    /** Whether the post exists for this user: published, or its own draft. */
    @SqlQuery("SELECT COUNT(*) FROM posts WHERE id = :postId AND (published OR owner_id = :userId)")
    boolean postVisible(long postId, long userId);
}
