package api.support;

import java.util.concurrent.atomic.AtomicInteger;

/** Tiny rows for DAO tests, written with plain SQL so a DAO is never tested through itself. */
public final class Fixtures {
    private static final AtomicInteger SEQ = new AtomicInteger();

    private Fixtures() {}

    public static long aUser(TestDb db) {
        String email = "fixture" + SEQ.incrementAndGet() + "@example.com";
        return db.jdbi()
                .withHandle(h -> h.createUpdate("INSERT INTO users (email, password) VALUES (:email, 'x')")
                        .bind("email", email)
                        .executeAndReturnGeneratedKeys("id")
                        .mapTo(Long.class)
                        .one());
    }

    public static long aPost(TestDb db, long owner) {
        return aPost(db, owner, "post " + SEQ.incrementAndGet());
    }

    public static long aPost(TestDb db, long owner, String title) {
        return db.jdbi()
                .withHandle(h -> h.createUpdate(
                                "INSERT INTO posts (title, content, owner_id) VALUES (:title, 'content', :owner)")
                        .bind("title", title)
                        .bind("owner", owner)
                        .executeAndReturnGeneratedKeys("id")
                        .mapTo(Long.class)
                        .one());
    }

    /** An unpublished post: its owner's draft. */
    public static long aDraft(TestDb db, long owner, String title) {
        long id = aPost(db, owner, title);
        db.jdbi().useHandle(h -> h.execute("UPDATE posts SET published = FALSE WHERE id = ?", id));
        return id;
    }

    public static void aVote(TestDb db, long user, long post) {
        db.jdbi()
                .useHandle(h -> h.createUpdate("INSERT INTO votes (user_id, post_id) VALUES (:user, :post)")
                        .bind("user", user)
                        .bind("post", post)
                        .execute());
    }

    public static int count(TestDb db, String table) {
        return db.jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table)
                        .mapTo(Integer.class)
                        .one());
    }
}
