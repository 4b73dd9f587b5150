package api.faults;

import static api.support.RawHttp.ascii;

import api.support.RawHttp;
import api.web.Json;
import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generated corpus of malformed requests, as raw bytes: broken JSON, wrong types, bodies over the limit, invalid
 * UTF-8, overlong lines, path traversal, SQL metacharacters, bad tokens, wrong methods and unknown paths. Every
 * JSON body the API reads is covered, field by field. The HTML task pages are not: they answer HTML by design.
 */
final class MalformedRequests {

    /** One request of the corpus. */
    record Case(String category, String label, byte[] bytes) {}

    /** What the requests aim at: a caller with a valid token, its post, another user's post, a todo. */
    record Target(
            String token,
            long userId,
            long postId,
            long othersPostId,
            long todoId,
            String secretKey,
            long maxBodyBytes) {}

    /** A route that reads a JSON body, with a body it would accept; fields in the contract's order. */
    private record JsonRoute(String method, String path, boolean auth, Map<String, Object> validBody) {
        String name() {
            return method + " " + path;
        }
    }

    static final List<String> SQL_METACHARACTERS = List.of(
            "' OR '1'='1",
            "'; DROP TABLE users; --",
            "\" OR \"\"=\"",
            "1; SELECT SLEEP(5)",
            "\\'; DELETE FROM posts; --",
            "%' OR 1=1 #",
            "admin'/*",
            "' UNION SELECT password, email FROM users --",
            "`users`",
            "_%\\%\\_",
            "0x27 OR 0x31=0x31",
            "$1 :title ? @var",
            "';SHUTDOWN;--",
            "Robert'); DROP TABLE posts;--\u0000");

    private static final List<Object> WRONG_VALUES = List.of(
            123, -1, 1.5, true, false, List.of(), List.of("x"), Map.of(), Map.of("a", 1), "", "x".repeat(70_000));

    private final Target target;
    private final List<Case> cases = new ArrayList<>();
    private final List<JsonRoute> jsonRoutes;

    private MalformedRequests(Target target) {
        this.target = target;
        this.jsonRoutes = List.of(
                new JsonRoute("POST", "/users", false, body("email", "corpus@example.com", "password", "password123")),
                new JsonRoute("POST", "/login", false, body("email", "corpus@example.com", "password", "password123")),
                new JsonRoute(
                        "POST",
                        "/posts",
                        true,
                        body("title", "corpus title", "content", "corpus content", "published", true)),
                new JsonRoute(
                        "PUT",
                        "/posts/" + target.postId(),
                        true,
                        body("title", "new title", "content", "new content", "published", false)),
                new JsonRoute("POST", "/vote", true, body("post_id", target.othersPostId(), "dir", 1)),
                new JsonRoute(
                        "POST",
                        "/todos",
                        true,
                        body("title", "todo", "memo", "memo", "priority", 3, "due_date", "2030-01-31")),
                new JsonRoute(
                        "PUT",
                        "/todos/" + target.todoId(),
                        true,
                        body(
                                "title",
                                "todo",
                                "memo",
                                "memo",
                                "priority",
                                2,
                                "completed",
                                false,
                                "due_date",
                                "2030-01-31")));
    }

    static List<Case> build(Target target) {
        var corpus = new MalformedRequests(target);
        corpus.brokenJson();
        corpus.wrongTypes();
        corpus.hugeBodies();
        corpus.invalidUtf8();
        corpus.loneSurrogates();
        corpus.overlong();
        corpus.pathTraversal();
        corpus.sqlMetacharacters();
        corpus.badTokens();
        corpus.wrongMethodsAndUnknownPaths();
        return List.copyOf(corpus.cases);
    }

    private void brokenJson() {
        List<String> broken = List.of(
                "",
                " ",
                "null",
                "[]",
                "\"text\"",
                "123",
                "true",
                "{",
                "}",
                "[",
                "{{}}",
                "{,}",
                "{\"a\" 1}",
                "{'a': 1}",
                "{a: 1}",
                "{\"a\": 1,}",
                "{\"a\": 01}",
                "{\"a\": .5}",
                "{\"a\": tru}",
                "{\"a\": NaN}",
                "{\"a\": \"open",
                "{\"a\": \"bad \\x escape\"}",
                "{\"a\": {\"b\": [}}",
                "[{\"a\": 1]",
                "{\"a\": [1, 2}",
                "{\"a\":1}{\"b\":2}",
                "{\"a\": 1e999999}",
                "{\"a\": 123456789012345678901234567890}",
                "\u0000",
                "{\"a\": \"\u0001\"}",
                "[".repeat(100_000),
                "{\"a\":".repeat(5_000),
                "/* comment */ {}",
                "{} // trailing comment");
        for (JsonRoute route : jsonRoutes) {
            String valid = json(route.validBody());
            for (String body : broken) {
                add("broken-json", route.name() + " " + abbreviate(body), route, body);
            }
            for (int cut = 1; cut < valid.length(); cut += 3) {
                add("broken-json", route.name() + " truncated at " + cut, route, valid.substring(0, cut));
            }
            for (String garbage : List.of(" x", "}", "]", ",", "{}", " " + valid, "\u0000", " null")) {
                add("broken-json", route.name() + " trailing " + abbreviate(garbage), route, valid + garbage);
            }
        }
    }

    private void wrongTypes() {
        for (JsonRoute route : jsonRoutes) {
            for (String field : route.validBody().keySet()) {
                for (Object wrong : WRONG_VALUES) {
                    Map<String, Object> body = new LinkedHashMap<>(route.validBody());
                    body.put(field, wrong);
                    add(
                            "wrong-type",
                            route.name() + " " + field + "=" + abbreviate(String.valueOf(wrong)),
                            route,
                            json(body));
                }
                Map<String, Object> missing = new LinkedHashMap<>(route.validBody());
                missing.remove(field);
                add("wrong-type", route.name() + " without " + field, route, json(missing));
                Map<String, Object> nulled = new LinkedHashMap<>(route.validBody());
                nulled.put(field, null);
                add("wrong-type", route.name() + " " + field + "=null", route, json(nulled));
            }
        }
        add("wrong-type", "PUT /todos unknown field", jsonRoutes.get(6), "{\"titel\": \"typo\"}");
        add("wrong-type", "PUT /todos empty object", jsonRoutes.get(6), "{}");
        for (String form : List.of(
                "",
                "username=&password=",
                "username",
                "=",
                "&&&",
                "username=a&username=b",
                "username[]=a&password[]=b",
                "password=password123",
                "username=corpus%40example.com",
                "%",
                "%zz=%zz",
                "username=%&password=%",
                "username=a&password")) {
            cases.add(new Case(
                    "wrong-type",
                    "POST /login form " + abbreviate(form),
                    request("POST", "/login", Map.of("Content-Type", "application/x-www-form-urlencoded"), form)));
        }
        for (String contentType : List.of(
                "text/plain",
                "application/xml",
                "multipart/form-data; boundary=x",
                "multipart/form-data",
                "application/json; charset=bogus",
                "application/json; charset=\"",
                "*/*",
                ";;;")) {
            for (JsonRoute route :
                    List.of(jsonRoutes.get(0), jsonRoutes.get(1), jsonRoutes.get(2), jsonRoutes.get(5))) {
                cases.add(new Case(
                        "wrong-type",
                        route.name() + " as " + contentType,
                        request(
                                route.method(),
                                route.path(),
                                headers(route, contentType),
                                "--x\r\ngarbage\r\n--x--\r\n")));
            }
        }
        cases.add(new Case(
                "wrong-type",
                "POST /login form with charset=bogus",
                request(
                        "POST",
                        "/login",
                        Map.of("Content-Type", "application/x-www-form-urlencoded; charset=bogus"),
                        "username=a&password=b")));
        for (String id :
                List.of("abc", "-1", "0", "1.5", "99999999999999999999", "0x10", "%20", "1%00", "null", "1e3", "%2e")) {
            cases.add(new Case("wrong-type", "GET /posts/" + id, request("GET", "/posts/" + id, bearer(), null)));
            cases.add(new Case(
                    "wrong-type",
                    "PUT /posts/" + id,
                    request(
                            "PUT",
                            "/posts/" + id,
                            withJson(bearer()),
                            json(jsonRoutes.get(3).validBody()))));
            cases.add(new Case("wrong-type", "DELETE /posts/" + id, request("DELETE", "/posts/" + id, bearer(), null)));
            cases.add(new Case("wrong-type", "GET /users/" + id, request("GET", "/users/" + id, bearer(), null)));
            cases.add(new Case("wrong-type", "GET /todos/" + id, request("GET", "/todos/" + id, bearer(), null)));
            cases.add(new Case(
                    "wrong-type",
                    "PUT /todos/" + id,
                    request(
                            "PUT",
                            "/todos/" + id,
                            withJson(bearer()),
                            json(jsonRoutes.get(6).validBody()))));
            cases.add(new Case("wrong-type", "DELETE /todos/" + id, request("DELETE", "/todos/" + id, bearer(), null)));
        }
        for (String value : List.of("abc", "-1", "0", "101", "1.5", "99999999999", "", "1e2", "%00", "true")) {
            for (String param : List.of("limit", "skip")) {
                cases.add(new Case(
                        "wrong-type",
                        "GET /posts?" + param + "=" + value,
                        request("GET", "/posts?" + param + "=" + value, bearer(), null)));
            }
            for (String param : List.of("limit", "offset", "completed")) {
                cases.add(new Case(
                        "wrong-type",
                        "GET /todos?" + param + "=" + value,
                        request("GET", "/todos?" + param + "=" + value, bearer(), null)));
            }
        }
    }

    private void hugeBodies() {
        long limit = target.maxBodyBytes();
        for (JsonRoute route : jsonRoutes) {
            add("huge-body", route.name() + " limit + 1 bytes", route, "{\"a\": \"" + "x".repeat((int) limit) + "\"}");
            add("huge-body", route.name() + " 4 MiB", route, "[" + "1,".repeat(2 * 1024 * 1024) + "1]");
            Map<String, Object> giantField = new LinkedHashMap<>(route.validBody());
            giantField.put(giantField.keySet().iterator().next(), "y".repeat((int) limit + 10));
            add("huge-body", route.name() + " one field over the limit", route, json(giantField));
            Map<String, String> chunked = new LinkedHashMap<>(withJson(route.auth() ? bearer() : Map.of()));
            chunked.put("Transfer-Encoding", "chunked");
            cases.add(new Case(
                    "huge-body",
                    route.name() + " chunked 3 MiB",
                    request(
                            route.method(),
                            route.path(),
                            chunked,
                            null,
                            RawHttp.chunked(ascii("[" + "2,".repeat(3 * 512 * 1024) + "2]")))));
        }
        String form = "username=" + "u".repeat((int) limit) + "&password=p";
        cases.add(new Case(
                "huge-body",
                "POST /login form over the limit",
                request("POST", "/login", Map.of("Content-Type", "application/x-www-form-urlencoded"), form)));
        String multipart =
                "--b\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\n" + "u".repeat((int) limit + 10)
                        + "\r\n--b\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\np\r\n--b--\r\n";
        cases.add(new Case(
                "huge-body",
                "POST /login multipart over the limit",
                request("POST", "/login", Map.of("Content-Type", "multipart/form-data; boundary=b"), multipart)));
        cases.add(new Case(
                "huge-body",
                "POST /login multipart chunked over the limit",
                request(
                        "POST",
                        "/login",
                        Map.of("Content-Type", "multipart/form-data; boundary=b", "Transfer-Encoding", "chunked"),
                        null,
                        RawHttp.chunked(multipart.getBytes(StandardCharsets.UTF_8)))));
    }

    private void invalidUtf8() {
        List<byte[]> sequences = List.of(
                new byte[] {(byte) 0xff},
                new byte[] {(byte) 0xfe, (byte) 0xff},
                new byte[] {(byte) 0xc3, 0x28},
                new byte[] {(byte) 0xc0, (byte) 0xaf},
                new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                new byte[] {(byte) 0xe2, (byte) 0x82},
                new byte[] {(byte) 0x80});
        for (int s = 0; s < sequences.size(); s++) {
            byte[] bad = sequences.get(s);
            String label = "sequence " + s;
            for (JsonRoute route : jsonRoutes) {
                for (String field : route.validBody().keySet()) {
                    cases.add(new Case(
                            "invalid-utf8",
                            route.name() + " " + field + " " + label,
                            request(
                                    route.method(),
                                    route.path(),
                                    headers(route, "application/json"),
                                    null,
                                    withValue(route.validBody(), field, bad))));
                }
            }
            cases.add(new Case(
                    "invalid-utf8",
                    "POST /login form " + label,
                    request(
                            "POST",
                            ascii("/login"),
                            Map.of("Content-Type", ascii("application/x-www-form-urlencoded")),
                            concat(ascii("username="), bad, ascii("&password=x")))));
            cases.add(new Case(
                    "invalid-utf8",
                    "path /posts " + label,
                    request("GET", concat(ascii("/posts/"), bad), bearerBytes(), null)));
            cases.add(new Case(
                    "invalid-utf8",
                    "path /todos " + label,
                    request("GET", concat(ascii("/todos/"), bad), bearerBytes(), null)));
            cases.add(new Case(
                    "invalid-utf8", "path / " + label, request("GET", concat(ascii("/"), bad), Map.of(), null)));
            cases.add(new Case(
                    "invalid-utf8",
                    "percent path /posts " + label,
                    request("GET", ascii("/posts/" + percent(bad)), bearerBytes(), null)));
            cases.add(new Case(
                    "invalid-utf8",
                    "query search " + label,
                    request("GET", concat(ascii("/posts?search="), bad), bearerBytes(), null)));
            cases.add(new Case(
                    "invalid-utf8",
                    "percent query search " + label,
                    request("GET", ascii("/posts?search=" + percent(bad)), bearerBytes(), null)));
            cases.add(new Case(
                    "invalid-utf8",
                    "percent query completed " + label,
                    request("GET", ascii("/todos?completed=" + percent(bad)), bearerBytes(), null)));
            for (String header : List.of(
                    "Authorization", "X-Request-ID", "User-Agent", "Content-Type", "X-Forwarded-For", "Cookie")) {
                byte[] value = header.equals("Authorization") ? concat(ascii("Bearer "), bad) : concat(ascii("v"), bad);
                Map<String, byte[]> headers = new LinkedHashMap<>();
                headers.put(header, value);
                cases.add(new Case(
                        "invalid-utf8",
                        "header " + header + " " + label,
                        request("GET", ascii("/posts"), headers, null)));
            }
        }
    }

    /** JSON escapes of lone surrogates: valid JSON grammar, but no Unicode text; MySQL would store "?". */
    private void loneSurrogates() {
        for (String escape : List.of("\\ud800", "\\udfff", "a\\ud83d", "\\ude00b")) {
            for (JsonRoute route : jsonRoutes) {
                for (String field : route.validBody().keySet()) {
                    if (route.validBody().get(field) instanceof String) {
                        Map<String, Object> body = new LinkedHashMap<>(route.validBody());
                        body.put(field, "SURROGATE");
                        add(
                                "invalid-utf8",
                                route.name() + " " + field + " escape " + escape,
                                route,
                                json(body).replace("SURROGATE", escape));
                    }
                }
            }
        }
    }

    private void overlong() {
        for (int size : List.of(9_000, 20_000, 100_000)) {
            cases.add(new Case("overlong", "path of " + size, request("GET", "/" + "a".repeat(size), Map.of(), null)));
            cases.add(new Case(
                    "overlong",
                    "query of " + size,
                    request("GET", "/posts?search=" + "q".repeat(size), bearer(), null)));
            cases.add(new Case(
                    "overlong", "header of " + size, request("GET", "/", Map.of("X-Long", "h".repeat(size)), null)));
            cases.add(new Case(
                    "overlong",
                    "token of " + size,
                    request("GET", "/posts", Map.of("Authorization", "Bearer " + "t".repeat(size)), null)));
            cases.add(new Case(
                    "overlong",
                    "cookie of " + size,
                    request("GET", "/", Map.of("Cookie", "c=" + "k".repeat(size)), null)));
            cases.add(new Case(
                    "overlong",
                    "header name of " + size,
                    request("GET", "/", Map.of("X-" + "n".repeat(size), "v"), null)));
            cases.add(new Case("overlong", "method of " + size, request("G".repeat(size), "/", Map.of(), null)));
        }
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            many.put("X-Header-" + i, "v".repeat(40));
        }
        cases.add(new Case("overlong", "300 headers", request("GET", "/", many, null)));
        StringBuilder params = new StringBuilder("/posts?");
        for (int i = 0; i < 2_000; i++) {
            params.append("p").append(i).append("=1&");
        }
        cases.add(new Case("overlong", "2000 query parameters", request("GET", params.toString(), bearer(), null)));
        cases.add(new Case(
                "overlong",
                "todos limit of 5000 digits",
                request("GET", "/todos?limit=" + "9".repeat(5_000), bearer(), null)));
    }

    private void pathTraversal() {
        List<String> traversals = List.of(
                "/../../etc/passwd",
                "/../../../../../../etc/passwd",
                "/%2e%2e/%2e%2e/etc/passwd",
                "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                "/%252e%252e%252f%252e%252e%252fetc%252fpasswd",
                "/..%2f..%2fetc%2fpasswd",
                "/..%5c..%5cetc%5cpasswd",
                "/....//....//etc/passwd",
                "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
                "/..;/..;/etc/passwd",
                "/.%2e/.%2e/etc/passwd",
                "/%uff0e%uff0e/etc/passwd",
                "/etc/passwd%00.json",
                "/./././etc/passwd",
                "//etc/passwd",
                "/\\..\\..\\etc\\passwd",
                "/%2fetc%2fpasswd",
                "/..%00/etc/passwd",
                "/%25%32%65%25%32%65/etc/passwd",
                "/.../.../etc/passwd",
                "/file:///etc/passwd",
                "/..\u0000/etc/passwd",
                "/%25zz/etc/passwd",
                "/%zz/etc/passwd",
                "/%/etc/passwd");
        for (String prefix : List.of(
                "", "/webjars", "/webjars/bootstrap/5.3.8", "/posts", "/todos", "/users", "/docs", "/openapi.json")) {
            for (String traversal : traversals) {
                String path = prefix + traversal;
                Map<String, String> headers =
                        List.of("/posts", "/users", "/todos").contains(prefix) ? bearer() : Map.of();
                cases.add(new Case("path-traversal", path, request("GET", path, headers, null)));
            }
        }
    }

    private void sqlMetacharacters() {
        for (String sql : SQL_METACHARACTERS) {
            String shown = abbreviate(sql);
            for (JsonRoute route : jsonRoutes) {
                for (String field : route.validBody().keySet()) {
                    if (!(route.validBody().get(field) instanceof String)) {
                        continue;
                    }
                    Map<String, Object> body = new LinkedHashMap<>(route.validBody());
                    body.put(field, sql);
                    add("sql-metachar", route.name() + " " + field + "=" + shown, route, json(body));
                }
            }
            String unique = Integer.toHexString(sql.hashCode());
            add(
                    "sql-metachar",
                    "POST /users email local part " + shown,
                    jsonRoutes.get(0),
                    json(body(
                            "email",
                            sql.replaceAll("[^A-Za-z0-9'=/*#%_`$?{}|~!^&+-]", "") + unique + "@example.com",
                            "password",
                            "password123")));
            add(
                    "sql-metachar",
                    "POST /users password " + shown,
                    jsonRoutes.get(0),
                    json(body("email", "pw" + unique + "@example.com", "password", sql + "-long-enough")));
            cases.add(new Case(
                    "sql-metachar",
                    "POST /login form " + shown,
                    request(
                            "POST",
                            "/login",
                            Map.of("Content-Type", "application/x-www-form-urlencoded"),
                            "username=" + enc(sql) + "&password=" + enc(sql))));
            for (String query :
                    List.of("/posts?search=", "/posts?limit=", "/posts?skip=", "/posts?search=x&limit=1&skip=")) {
                cases.add(new Case("sql-metachar", query + shown, request("GET", query + enc(sql), bearer(), null)));
            }
            for (String query : List.of("/todos?completed=", "/todos?limit=", "/todos?offset=")) {
                cases.add(new Case("sql-metachar", query + shown, request("GET", query + enc(sql), bearer(), null)));
            }
            for (String path : List.of("/posts/", "/users/")) {
                cases.add(new Case(
                        "sql-metachar",
                        path + shown,
                        request("GET", path + enc(sql).replace("+", "%20"), bearer(), null)));
            }
            cases.add(new Case(
                    "sql-metachar",
                    "/todos/" + shown,
                    request("GET", "/todos/" + enc(sql).replace("+", "%20"), bearer(), null)));
            cases.add(new Case(
                    "sql-metachar",
                    "DELETE /todos/" + shown,
                    request("DELETE", "/todos/" + enc(sql).replace("+", "%20"), bearer(), null)));
            cases.add(new Case(
                    "sql-metachar",
                    "token " + shown,
                    request("GET", "/posts", Map.of("Authorization", "Bearer " + sql.replace("\u0000", "")), null)));
            cases.add(new Case(
                    "sql-metachar",
                    "request id " + shown,
                    request("GET", "/", Map.of("X-Request-ID", sql.replace("\u0000", "")), null)));
        }
    }

    private void badTokens() {
        long user = target.userId();
        Instant future = Instant.now().plusSeconds(3600);
        Algorithm right = Algorithm.HMAC256(target.secretKey());
        List<String> tokens = new ArrayList<>(List.of(
                unsigned(
                        "{\"alg\":\"none\",\"typ\":\"JWT\"}",
                        "{\"user_id\":" + user + ",\"exp\":" + future.getEpochSecond() + "}",
                        ""),
                unsigned(
                        "{\"alg\":\"None\"}", "{\"user_id\":" + user + ",\"exp\":" + future.getEpochSecond() + "}", ""),
                unsigned(
                        "{\"alg\":\"NONE\"}",
                        "{\"user_id\":" + user + ",\"exp\":" + future.getEpochSecond() + "}",
                        "sig"),
                unsigned(
                        "{\"alg\":\"RS256\"}",
                        "{\"user_id\":" + user + ",\"exp\":" + future.getEpochSecond() + "}",
                        "c2ln"),
                unsigned(
                        "{\"alg\":\"HS256\"}",
                        "{\"user_id\":" + user + ",\"exp\":" + future.getEpochSecond() + "}",
                        ""),
                unsigned("not json", "not json", "x"),
                unsigned("{\"alg\":\"HS256\"}", "[1,2,3]", "x"),
                JWT.create()
                        .withClaim("user_id", user)
                        .withExpiresAt(future)
                        .sign(Algorithm.HMAC256("forged-secret-of-the-attacker-0123456789")),
                JWT.create()
                        .withClaim("user_id", user)
                        .withExpiresAt(Instant.now().minusSeconds(60))
                        .sign(right),
                JWT.create()
                        .withClaim("user_id", user)
                        .withExpiresAt(future)
                        .sign(Algorithm.HMAC512(target.secretKey())),
                JWT.create()
                        .withClaim("user_id", user)
                        .withExpiresAt(future)
                        .sign(Algorithm.HMAC384(target.secretKey())),
                JWT.create().withClaim("user_id", user).sign(right),
                JWT.create().withExpiresAt(future).sign(right),
                JWT.create()
                        .withClaim("user_id", String.valueOf(user))
                        .withExpiresAt(future)
                        .sign(right),
                JWT.create()
                        .withClaim("user_id", 987_654_321L)
                        .withExpiresAt(future)
                        .sign(right),
                JWT.create().withClaim("user_id", -1L).withExpiresAt(future).sign(right),
                JWT.create().withClaim("user_id", 1.5).withExpiresAt(future).sign(right),
                JWT.create()
                        .withClaim("user_id", user)
                        .withExpiresAt(future)
                        .withNotBefore(future)
                        .sign(right),
                JWT.create()
                        .withClaim("user_id", user)
                        .withClaim("exp", "tomorrow")
                        .sign(right),
                tamperedPayload(right, user),
                target.token().substring(0, target.token().length() - 2)
                        + (target.token().endsWith("AA") ? "BB" : "AA"),
                target.token().substring(0, target.token().lastIndexOf('.') + 1),
                target.token() + ".extra",
                target.token().replace('.', ' '),
                "",
                "abc",
                "a.b.c",
                "a.b",
                "...",
                "%%%",
                "eyJ",
                Base64.getEncoder().encodeToString(new byte[48])));
        List<String[]> routes = List.of(
                new String[] {"GET", "/posts", null},
                new String[] {"GET", "/posts/" + target.postId(), null},
                new String[] {"POST", "/posts", json(jsonRoutes.get(2).validBody())},
                new String[] {
                    "PUT", "/posts/" + target.postId(), json(jsonRoutes.get(3).validBody())
                },
                new String[] {"DELETE", "/posts/" + target.postId(), null},
                new String[] {"POST", "/vote", json(jsonRoutes.get(4).validBody())},
                new String[] {"GET", "/users/me", null},
                new String[] {"GET", "/users/" + user, null});
        for (int t = 0; t < tokens.size(); t++) {
            for (String[] route : routes) {
                Map<String, String> headers = withJson(Map.of("Authorization", "Bearer " + tokens.get(t)));
                cases.add(new Case(
                        "jwt",
                        route[0] + " " + route[1] + " token " + t,
                        request(route[0], route[1], headers, route[2])));
            }
        }
        for (String authorization : List.of(
                "Bearer",
                "Bearer ",
                "bearer",
                "Basic dXNlcjpwYXNz",
                "Token " + target.token(),
                target.token(),
                "Bearer  " + target.token() + " trailing",
                "Digest x",
                "Bearer\t" + target.token() + "x")) {
            cases.add(new Case(
                    "jwt",
                    "GET /posts Authorization " + abbreviate(authorization),
                    request("GET", "/posts", Map.of("Authorization", authorization), null)));
        }
    }

    private void wrongMethodsAndUnknownPaths() {
        for (String method : List.of("PATCH", "TRACE", "FOO", "CONNECT", "PROPFIND", "DELETE", "PUT")) {
            for (String path : List.of("/", "/health", "/login", "/users", "/vote", "/metrics", "/posts")) {
                cases.add(new Case("wrong-method", method + " " + path, request(method, path, bearer(), null)));
            }
        }
        for (String path : List.of(
                "/nope",
                "/posts/1/2/3",
                "/users/me/too",
                "/api/v1/posts",
                "/vote/1",
                "/.env",
                "/.git/config",
                "/admin",
                "/wp-login.php",
                "/%00",
                "/health/../metrics/x",
                "/todos/1/extra",
                "/login/x")) {
            cases.add(new Case("unknown-path", "GET " + path, request("GET", path, bearer(), null)));
            cases.add(new Case("unknown-path", "POST " + path, request("POST", path, withJson(bearer()), "{}")));
        }
    }

    // --- building blocks -------------------------------------------------------------------------------------

    private void add(String category, String label, JsonRoute route, String body) {
        cases.add(new Case(
                category, label, request(route.method(), route.path(), headers(route, "application/json"), body)));
    }

    private Map<String, String> headers(JsonRoute route, String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        if (route.auth()) {
            headers.put("Authorization", "Bearer " + target.token());
        }
        return headers;
    }

    private Map<String, String> bearer() {
        return Map.of("Authorization", "Bearer " + target.token());
    }

    private Map<String, byte[]> bearerBytes() {
        return Map.of("Authorization", ascii("Bearer " + target.token()));
    }

    private static Map<String, String> withJson(Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", "application/json");
        return all;
    }

    private static byte[] request(String method, String target, Map<String, String> headers, String body) {
        return request(method, target, headers, body, null);
    }

    private static byte[] request(
            String method, String target, Map<String, String> headers, String body, byte[] rawBody) {
        Map<String, byte[]> raw = new LinkedHashMap<>();
        headers.forEach((name, value) -> raw.put(name, value.getBytes(StandardCharsets.UTF_8)));
        byte[] bytes = rawBody != null ? rawBody : body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        return RawHttp.request(method, target.getBytes(StandardCharsets.UTF_8), raw, bytes);
    }

    private static byte[] request(String method, byte[] target, Map<String, byte[]> headers, byte[] body) {
        return RawHttp.request(method, target, headers, body);
    }

    private static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return body;
    }

    private static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unsigned(String header, String payload, String signature) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + signature;
    }

    /** A token signed for one user with its payload swapped for another user's: the signature no longer matches. */
    private static String tamperedPayload(Algorithm right, long user) {
        String genuine = JWT.create()
                .withClaim("user_id", user)
                .withExpiresAt(Instant.now().plusSeconds(3600))
                .sign(right);
        String[] parts = genuine.split("\\.");
        String payload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("{\"user_id\":" + (user + 1) + ",\"exp\":"
                                + Instant.now().plusSeconds(3600).getEpochSecond() + "}")
                        .getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + payload + "." + parts[2];
    }

    /** {@code body} as JSON bytes, with {@code field}'s value replaced by the string "a", {@code bytes}, "b". */
    private static byte[] withValue(Map<String, Object> body, String field, byte[] bytes) {
        Map<String, Object> marked = new LinkedHashMap<>(body);
        marked.put(field, "a\u0001b");
        String[] around = json(marked).split("\\\\u0001", 2);
        return concat(around[0].getBytes(StandardCharsets.UTF_8), bytes, around[1].getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static String percent(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            s.append('%').append(String.format("%02X", b & 0xff));
        }
        return s.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String abbreviate(String s) {
        String printable = s.replace("\u0000", "\\0").replace("\r", "\\r").replace("\n", "\\n");
        return printable.length() <= 40 ? printable : printable.substring(0, 37) + "...(" + s.length() + ")";
    }
}
