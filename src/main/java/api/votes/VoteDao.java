package api.votes;

import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

public interface VoteDao {

    /**
     * No "has this user voted?" pre-check: two simultaneous votes would both pass it. The primary key
     * (user_id, post_id) decides instead, and the loser gets a duplicate-key error.
     */
    @SqlUpdate("INSERT INTO votes (post_id, user_id) VALUES (:postId, :userId)")
    void add(long postId, long userId);

    @SqlUpdate("DELETE FROM votes WHERE post_id = :postId AND user_id = :userId")
    int remove(long postId, long userId);

    @SqlQuery("SELECT COUNT(*) FROM posts WHERE id = :postId")
    boolean postExists(long postId);
}
