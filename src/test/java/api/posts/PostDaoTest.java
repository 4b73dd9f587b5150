package api.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.config.DbSettings;
import api.db.Database;
import api.db.Dialect;
import api.support.Fixtures;
import api.support.OnEachDatabase;
import api.support.TestDb;
import api.support.TestDbs;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PostDaoTest {

    private static PostDao posts(TestDb db) {
        return new PostDao(db.jdbi(), db.dialect());
    }

    @OnEachDatabase
    void an_inserted_post_is_found_with_its_owner_and_no_votes(TestDb db) {
        db.truncateAll();
        long owner = Fixtures.aUser(db);
        long id = posts(db).insert(new NewPost("title", "content", false), owner);

        PostRow row = posts(db).find(id).orElseThrow();

        assertEquals(id, row.id());
        assertEquals("title", row.title());
        assertEquals("content", row.content());
        assertFalse(row.published());
        assertEquals(owner, row.ownerId());
        assertTrue(row.ownerEmail().endsWith("@example.com"));
        assertEquals(0, row.votes());
    }

    @OnEachDatabase
    void a_post_and_its_owner_keep_their_stored_utc_times_to_the_microsecond(TestDb db) {
        db.truncateAll();
        long owner = Fixtures.aUser(db);
        long id = Fixtures.aPost(db, owner);
        db.jdbi().useHandle(h -> {
            h.execute("UPDATE users SET created_at = '2021-08-29 23:42:58.021392' WHERE id = ?", owner);
            h.execute("UPDATE posts SET created_at = '2021-08-30 01:02:03.000004' WHERE id = ?", id);
        });

        PostRow row = posts(db).find(id).orElseThrow();

        assertEquals(Instant.parse("2021-08-30T01:02:03.000004Z"), row.createdAt());
        assertEquals(Instant.parse("2021-08-29T23:42:58.021392Z"), row.ownerCreatedAt());
    }

    @OnEachDatabase
    void find_counts_the_votes_of_that_post_only(TestDb db) {
        db.truncateAll();
        long a = Fixtures.aUser(db);
        long b = Fixtures.aUser(db);
        long post = Fixtures.aPost(db, a);
        long other = Fixtures.aPost(db, a);
        Fixtures.aVote(db, a, post);
        Fixtures.aVote(db, b, post);
        Fixtures.aVote(db, a, other);

        assertEquals(2, posts(db).find(post).orElseThrow().votes());
    }

    @OnEachDatabase
    void list_pages_in_id_order(TestDb db) {
        db.truncateAll();
        long owner = Fixtures.aUser(db);
        List<Long> ids = Stream.of("a", "b", "c", "d", "e")
                .map(t -> Fixtures.aPost(db, owner, t))
                .toList();

        List<PostRow> page = posts(db).list("%", owner, 2, 1);

        assertEquals(ids.subList(1, 3), page.stream().map(PostRow::id).toList());
    }

    @OnEachDatabase
    void list_filters_by_a_lower_cased_title_pattern(TestDb db) {
        db.truncateAll();
        long owner = Fixtures.aUser(db);
        Fixtures.aPost(db, owner, "Hello World");
        Fixtures.aPost(db, owner, "goodbye");

        List<PostRow> found = posts(db).list(PostHandlers.containsPattern("WORLD"), owner, 10, 0);

        assertEquals(List.of("Hello World"), found.stream().map(PostRow::title).toList());
    }

    @OnEachDatabase
    void search_matches_percent_and_underscore_literally(TestDb db) {
        db.truncateAll();
        long owner = Fixtures.aUser(db);
        Fixtures.aPost(db, owner, "100% sure");
        Fixtures.aPost(db, owner, "1000 sure");
        Fixtures.aPost(db, owner, "a_b");
        Fixtures.aPost(db, owner, "axb");

        assertEquals(List.of("100% sure"), titles(posts(db).list(PostHandlers.containsPattern("0%"), owner, 10, 0)));
        assertEquals(List.of("a_b"), titles(posts(db).list(PostHandlers.containsPattern("a_"), owner, 10, 0)));
    }

    @OnEachDatabase
    void list_leaves_out_drafts_but_the_viewers_own(TestDb db) {
        db.truncateAll();
        long author = Fixtures.aUser(db);
        long reader = Fixtures.aUser(db);
        Fixtures.aDraft(db, author, "draft");
        Fixtures.aPost(db, author, "public");

        assertEquals(List.of("public"), titles(posts(db).list("%", reader, 10, 0)));
        assertEquals(List.of("draft", "public"), titles(posts(db).list("%", author, 10, 0)));
    }

    @OnEachDatabase
    void list_carries_each_posts_vote_count(TestDb db) {
        db.truncateAll();
        long a = Fixtures.aUser(db);
        long b = Fixtures.aUser(db);
        long first = Fixtures.aPost(db, a);
        Fixtures.aPost(db, a);
        Fixtures.aVote(db, a, first);
        Fixtures.aVote(db, b, first);

        List<Long> votes =
                posts(db).list("%", a, 10, 0).stream().map(PostRow::votes).toList();

        assertEquals(List.of(2L, 0L), votes);
    }

    @OnEachDatabase
    void owner_of_visible_names_the_owner_of_a_published_post_or_nothing(TestDb db) {
        db.truncateAll();
        long owner = Fixtures.aUser(db);
        long viewer = Fixtures.aUser(db);
        long post = Fixtures.aPost(db, owner);

        assertEquals(owner, posts(db).ownerOfVisible(post, viewer).orElseThrow());
        assertTrue(posts(db).ownerOfVisible(post + 1, viewer).isEmpty());
    }

    @OnEachDatabase
    void owner_of_visible_names_a_drafts_owner_to_that_owner_alone(TestDb db) {
        db.truncateAll();
        long owner = Fixtures.aUser(db);
        long viewer = Fixtures.aUser(db);
        long draft = Fixtures.aDraft(db, owner, "draft");

        assertEquals(owner, posts(db).ownerOfVisible(draft, owner).orElseThrow());
        assertTrue(posts(db).ownerOfVisible(draft, viewer).isEmpty());
    }

    @OnEachDatabase
    void update_replaces_title_content_and_published_of_that_post_only(TestDb db) {
        db.truncateAll();
        long owner = Fixtures.aUser(db);
        long post = Fixtures.aPost(db, owner, "old");
        long other = Fixtures.aPost(db, owner, "untouched");

        assertEquals(1, posts(db).update(post, new NewPost("new", "new content", false)));

        PostRow row = posts(db).find(post).orElseThrow();
        assertEquals(List.of("new", "new content", false), List.of(row.title(), row.content(), row.published()));
        assertEquals("untouched", posts(db).find(other).orElseThrow().title());
    }

    @OnEachDatabase
    void delete_removes_that_post_and_its_votes(TestDb db) {
        db.truncateAll();
        long owner = Fixtures.aUser(db);
        long post = Fixtures.aPost(db, owner);
        long other = Fixtures.aPost(db, owner);
        Fixtures.aVote(db, owner, post);

        assertEquals(1, posts(db).delete(post));

        assertTrue(posts(db).find(post).isEmpty());
        assertTrue(posts(db).find(other).isPresent());
        assertEquals(0, Fixtures.count(db, "votes"));
        assertEquals(0, posts(db).delete(post));
    }

    @OnEachDatabase
    void deleting_a_user_deletes_their_posts_and_votes(TestDb db) {
        db.truncateAll();
        long owner = Fixtures.aUser(db);
        long voter = Fixtures.aUser(db);
        long post = Fixtures.aPost(db, owner);
        long kept = Fixtures.aPost(db, voter);
        Fixtures.aVote(db, voter, post);
        Fixtures.aVote(db, owner, kept);

        db.jdbi().useHandle(h -> h.execute("DELETE FROM users WHERE id = ?", owner));

        assertTrue(posts(db).find(post).isEmpty());
        assertEquals(0, posts(db).find(kept).orElseThrow().votes());
        assertEquals(0, Fixtures.count(db, "votes"));
    }

    private static List<String> titles(List<PostRow> rows) {
        return rows.stream().map(PostRow::title).toList();
    }

    /** Plans follow the table statistics, so the plan is asked of a database seeded like the benchmark's. */
    @Test
    void on_mariadb_a_page_reads_posts_in_id_order_without_a_derived_table_or_a_sort() {
        DbSettings settings = TestDbs.freshMariaDbSettings("postplan");
        try (Database database = TestDbs.connect(settings)) {
            database.migrations().upgrade();
            List<Map<String, Object>> plan = database.jdbi().withHandle(h -> {
                h.execute(
                        "INSERT INTO users (email, password) SELECT CONCAT('user', seq, '@example.com'), 'x' FROM seq_1_to_1000");
                h.execute(
                        "INSERT INTO posts (title, content, owner_id) SELECT CONCAT('post ', seq), 'content', 1 + seq % 1000 FROM seq_1_to_10000");
                h.execute(
                        "INSERT INTO votes (user_id, post_id) SELECT 1 + seq % 1000, 1 + seq % 10000 FROM seq_0_to_9999");
                h.execute("ANALYZE TABLE users, posts, votes");
                return h.createQuery("EXPLAIN " + PostDao.pageSql(Dialect.MYSQL))
                        .bind("titlePattern", "%")
                        .bind("viewer", 1)
                        .bind("limit", 10)
                        .bind("skip", 0)
                        .mapToMap()
                        .list();
            });

            assertEquals("p", plan.get(0).get("table"), "the join starts from posts: " + plan);
            assertEquals("PRIMARY", plan.get(0).get("key"), "posts are read in id order: " + plan);
            plan.forEach(step -> {
                String extra = String.valueOf(step.get("extra"));
                assertFalse(extra.contains("temporary") || extra.contains("filesort"), "plan: " + plan);
                assertFalse("DERIVED".equals(step.get("select_type")), "plan: " + plan);
            });
        }
    }
}
