package api.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.config.AppConfig;
import api.config.DbSettings;
import api.db.Database;
import api.faults.MalformedRequests.Case;
import api.support.Api;
import api.support.RawHttp;
import api.support.ResponseValidator;
import api.support.TestApp;
import api.support.TestConfig;
import api.support.TestDb;
import api.support.TestDbs;
import api.web.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The generated corpus of {@link MalformedRequests}, sent once over real HTTP to the app on a MariaDB database of its
 * own, one request at a time, with a checksum of the data tables taken after each. Each test checks one property of
 * all the answers. A request the app accepts (a valid post whose title is SQL, say) is fine: it is counted apart.
 */
@Tag("fault")
class MalformedRequestCorpusTest {
    private static final List<String> DATA_TABLES = List.of("users", "posts", "votes", "tasks");

    private static Database database;
    private static TestApp app;
    private static Api.Account caller;
    private static final List<Result> results = new ArrayList<>();

    /** What one request got: the answer (null if the connection failed), and whether the data tables changed. */
    private record Result(Case request, RawHttp.Response response, String failure, boolean databaseChanged) {
        int status() {
            return response == null ? -1 : response.status();
        }

        boolean rejected() {
            return status() >= 400;
        }

        String describe() {
            String body = response == null ? failure : MalformedRequests.abbreviate(response.text());
            return request.category() + " | " + request.label() + " -> " + status() + " " + body;
        }
    }

    @BeforeAll
    static void send_the_whole_corpus() {
        DbSettings settings = TestDbs.freshMariaDbSettings("corpus");
        database = TestDbs.connect(settings);
        database.migrations().upgrade();
        AppConfig config =
                TestConfig.forDb(settings, Map.of("LOGIN_MAX_FAILURES", "1000000", "SHUTDOWN_TIMEOUT_SECONDS", "1"));
        app = TestApp.start(config, new TestDb("MariaDB (corpus)", settings, database));
        caller = Api.signUp(app);
        Api.Account other = Api.signUp(app);
        long todo = app.postJson("/todos", Map.of("title", "todo", "memo", "memo", "priority", 3), caller.auth())
                .json()
                .get("id")
                .asLong();
        var target = new MalformedRequests.Target(
                caller.token(),
                caller.id(),
                Api.createPost(app, caller, "mine"),
                Api.createPost(app, other, "theirs"),
                todo,
                config.auth().secretKey(),
                config.http().maxRequestBodyBytes());
        List<Case> corpus = MalformedRequests.build(target);

        Map<String, Integer> rowsBefore = rowCounts();
        String checksum = checksum();
        for (Case request : corpus) {
            RawHttp.Response response = null;
            String failure = null;
            try {
                response = RawHttp.send(app.port(), request.bytes());
            } catch (UncheckedIOException e) {
                failure = e.getCause().toString();
            }
            String after = checksum();
            results.add(new Result(request, response, failure, !after.equals(checksum)));
            checksum = after;
        }
        printSummary(rowsBefore);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void corpus_holds_at_least_1000_requests_across_every_category() {
        Map<String, Long> byCategory =
                results.stream().collect(Collectors.groupingBy(r -> r.request().category(), Collectors.counting()));
        assertTrue(results.size() >= 1_000, "only " + results.size() + " requests");
        for (String category : List.of(
                "broken-json",
                "wrong-type",
                "huge-body",
                "invalid-utf8",
                "overlong",
                "path-traversal",
                "sql-metachar",
                "jwt",
                "wrong-method",
                "unknown-path")) {
            assertTrue(byCategory.getOrDefault(category, 0L) > 0, "no " + category + " requests");
        }
    }

    @Test
    void no_request_gets_a_5xx_or_goes_unanswered() {
        assertNone(r -> r.status() >= 500 || r.status() < 100, "5xx or no answer");
    }

    @Test
    void every_rejection_is_a_json_body_with_a_detail() {
        assertNone(r -> r.rejected() && !hasDetail(r.response()), "rejected without a JSON detail");
    }

    @Test
    void every_answer_with_a_body_is_json() {
        assertNone(r -> r.response() != null && r.status() != 204 && json(r.response()) == null, "not JSON");
    }

    @Test
    void every_answer_is_one_that_openapi_yaml_documents() {
        List<String> undocumented = new ArrayList<>();
        for (Result result : results) {
            if (result.response() == null) {
                continue; // no answer at all is no_request_gets_a_5xx_or_goes_unanswered's business
            }
            try {
                ResponseValidator.check(exchange(result));
            } catch (AssertionError e) {
                undocumented.add(
                        result.request().category() + " | " + result.request().label() + ": " + e.getMessage());
            }
        }
        assertTrue(
                undocumented.isEmpty(),
                () -> undocumented.size() + " answers openapi.yaml does not document:\n"
                        + String.join("\n", undocumented.subList(0, Math.min(40, undocumented.size()))));
    }

    @Test
    void rejected_requests_leave_the_database_unchanged() {
        assertNone(r -> r.rejected() && r.databaseChanged(), "changed the database although rejected");
    }

    @Test
    void no_bad_token_gets_past_authentication() {
        assertNone(
                r -> r.request().category().equals("jwt")
                        && (r.status() != 401 || !"Bearer".equals(r.response().header("WWW-Authenticate"))),
                "not a 401 with WWW-Authenticate");
    }

    @Test
    void no_traversal_is_answered_with_anything_but_an_error() {
        assertNone(
                r -> r.request().category().equals("path-traversal")
                        && (!r.rejected() || r.response().text().contains("root:")),
                "traversal not rejected");
    }

    @Test
    void titles_made_of_sql_metacharacters_are_stored_and_read_back_byte_for_byte() {
        for (String title : MalformedRequests.SQL_METACHARACTERS) {
            long id = Api.createPost(app, caller, title);

            String served = app.get("/posts/" + id, caller.auth())
                    .json()
                    .get("Post")
                    .get("title")
                    .asText();
            String stored = database.jdbi()
                    .withHandle(h -> h.createQuery("SELECT title FROM posts WHERE id = :id")
                            .bind("id", id)
                            .mapTo(String.class)
                            .one());

            assertEquals(title, served);
            assertEquals(title, stored);
        }
    }

    private static void assertNone(Predicate<Result> bad, String what) {
        List<String> found = results.stream().filter(bad).map(Result::describe).toList();
        assertTrue(
                found.isEmpty(),
                () -> found.size() + " requests " + what + ":\n"
                        + String.join("\n", found.subList(0, Math.min(40, found.size()))));
    }

    /** The request as the response check needs it, read back from the raw bytes' request line. */
    private static ResponseValidator.Exchange exchange(Result result) {
        String raw = new String(result.request().bytes(), StandardCharsets.ISO_8859_1);
        int end = raw.indexOf("\r\n");
        String[] line = (end < 0 ? raw : raw.substring(0, end)).split(" ");
        boolean crossOrigin = raw.toLowerCase(Locale.ROOT).contains("\r\norigin:");
        return new ResponseValidator.Exchange(
                line[0],
                line.length > 1 ? line[1] : "/",
                crossOrigin,
                result.status(),
                result.response()::header,
                result.response().text());
    }

    private static boolean hasDetail(RawHttp.Response response) {
        JsonNode body = json(response);
        return body != null
                && body.hasNonNull("detail")
                && response.header("Content-Type") != null
                && response.header("Content-Type").startsWith("application/json");
    }

    private static JsonNode json(RawHttp.Response response) {
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            return null;
        }
    }

    /** MariaDB's live checksum of every data table: any inserted, deleted or changed row changes it. */
    private static String checksum() {
        return database.jdbi()
                .withHandle(h -> h.createQuery("CHECKSUM TABLE " + String.join(", ", DATA_TABLES))
                        .map((rs, ctx) -> rs.getString(1) + "=" + rs.getString(2))
                        .list())
                .toString();
    }

    private static Map<String, Integer> rowCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        DATA_TABLES.forEach(table -> counts.put(
                table,
                database.jdbi()
                        .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table)
                                .mapTo(Integer.class)
                                .one())));
        return counts;
    }

    private static void printSummary(Map<String, Integer> rowsBefore) {
        Map<Integer, Long> byStatus =
                results.stream().collect(Collectors.groupingBy(Result::status, TreeMap::new, Collectors.counting()));
        long fiveXx = results.stream().filter(r -> r.status() >= 500).count();
        List<Result> accepted = results.stream()
                .filter(r -> r.status() >= 200 && r.status() < 300)
                .toList();
        List<Result> rejected = results.stream().filter(Result::rejected).toList();
        System.out.printf("corpus: %d requests, %d 5xx, by status %s%n", results.size(), fiveXx, byStatus);
        System.out.printf(
                "corpus: %d rejected (4xx), %d of them changed the database; %d accepted (2xx), %d of them changed it%n",
                rejected.size(),
                rejected.stream().filter(Result::databaseChanged).count(),
                accepted.size(),
                accepted.stream().filter(Result::databaseChanged).count());
        System.out.printf(
                "corpus: rows before %s, after %s (the difference is the accepted requests)%n",
                rowsBefore, rowCounts());
        Map<String, Map<Integer, Long>> byCategory = results.stream()
                .collect(Collectors.groupingBy(
                        r -> r.request().category(),
                        TreeMap::new,
                        Collectors.groupingBy(Result::status, TreeMap::new, Collectors.counting())));
        byCategory.forEach((category, statuses) -> System.out.printf("corpus:   %-15s %s%n", category, statuses));
    }
}
