package api.votes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.db.DbErrors;
import api.support.Fixtures;
import api.support.OnEachDatabase;
import api.support.TestDb;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

class VoteDaoTest {

    private static VoteDao votes(TestDb db) {
        return db.jdbi().onDemand(VoteDao.class);
    }

    private static int votesOf(TestDb db, long user, long post) {
        return db.jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM votes WHERE user_id = ? AND post_id = ?")
                        .bind(0, user)
                        .bind(1, post)
                        .mapTo(Integer.class)
                        .one());
    }

    @OnEachDatabase
    void add_records_the_users_vote_on_the_post(TestDb db) {
        db.truncateAll();
        long user = Fixtures.aUser(db);
        long post = Fixtures.aPost(db, user);

        votes(db).add(post, user);

        assertEquals(1, votesOf(db, user, post));
    }

    @OnEachDatabase
    void second_vote_by_the_same_user_is_a_duplicate_key(TestDb db) {
        db.truncateAll();
        long user = Fixtures.aUser(db);
        long post = Fixtures.aPost(db, user);
        votes(db).add(post, user);

        var error = assertThrows(
                UnableToExecuteStatementException.class, () -> votes(db).add(post, user));

        assertTrue(DbErrors.isDuplicateKey(error));
    }

    @OnEachDatabase
    void a_vote_on_a_missing_post_adds_no_row(TestDb db) {
        db.truncateAll();
        long user = Fixtures.aUser(db);

        assertEquals(0, votes(db).add(999_999, user));
    }

    @OnEachDatabase
    void a_vote_on_another_users_draft_adds_no_row_but_one_on_ones_own_does(TestDb db) {
        db.truncateAll();
        long author = Fixtures.aUser(db);
        long reader = Fixtures.aUser(db);
        long draft = Fixtures.aDraft(db, author, "draft");

        assertEquals(0, votes(db).add(draft, reader));
        assertEquals(1, votes(db).add(draft, author));
        assertEquals(0, votesOf(db, reader, draft));
    }

    @OnEachDatabase
    void remove_deletes_only_that_users_vote(TestDb db) {
        db.truncateAll();
        long user = Fixtures.aUser(db);
        long other = Fixtures.aUser(db);
        long post = Fixtures.aPost(db, user);
        Fixtures.aVote(db, user, post);
        Fixtures.aVote(db, other, post);

        assertEquals(1, votes(db).remove(post, user));

        assertEquals(0, votesOf(db, user, post));
        assertEquals(1, votesOf(db, other, post));
    }

    @OnEachDatabase
    void removing_a_vote_that_does_not_exist_changes_no_row(TestDb db) {
        db.truncateAll();
        assertEquals(0, votes(db).remove(42, 7));
    }

    @OnEachDatabase
    void post_visible_tells_present_from_missing_posts_and_others_drafts(TestDb db) {
        db.truncateAll();
        long author = Fixtures.aUser(db);
        long reader = Fixtures.aUser(db);
        long post = Fixtures.aPost(db, author);
        long draft = Fixtures.aDraft(db, author, "draft");

        assertTrue(votes(db).postVisible(post, reader));
        assertFalse(votes(db).postVisible(post + 100, reader));
        assertFalse(votes(db).postVisible(draft, reader));
        assertTrue(votes(db).postVisible(draft, author));
    }
}
