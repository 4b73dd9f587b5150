package api.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where the database is. {@code password} never appears in {@link #toString()} or in any error message.
 *
 * @param embedded true when nothing was configured and the app falls back to its H2 file database
 */
public record DbSettings(String jdbcUrl, String username, String password, boolean embedded) {

    /** Keys that may carry a whole database URL, in the order they are consulted. */
    static final List<Setting<String>> URL_KEYS = List.of(
            Settings.DATABASE_URL, Settings.JAWSDB_URL, Settings.JAWSDB_MARIA_URL, Settings.CLEARDB_DATABASE_URL);

    /** A database named by its parts, as the FastAPI course and the MySQL ToDo app each spell them. */
    private record SplitForm(
            Setting<String> host,
            Setting<Integer> port,
            Setting<String> user,
            Setting<String> password,
            Setting<String> database) {}

    private static final List<SplitForm> SPLIT_FORMS = List.of(
            new SplitForm(
                    Settings.DATABASE_HOSTNAME,
                    Settings.DATABASE_PORT,
                    Settings.DATABASE_USERNAME,
                    Settings.DATABASE_PASSWORD,
                    Settings.DATABASE_NAME),
            new SplitForm(
                    Settings.MYSQL_HOST,
                    Settings.MYSQL_PORT,
                    Settings.MYSQL_USER,
                    Settings.MYSQL_PASSWORD,
                    Settings.MYSQL_DATABASE));

    public boolean isH2() {
        return jdbcUrl.startsWith("jdbc:h2:");
    }

    /** The file of an H2 file database, as H2 names it on disk; empty for any other database. */
    public Optional<String> h2File() {
        return jdbcUrl.startsWith("jdbc:h2:file:")
                ? Optional.of(jdbcUrl.substring("jdbc:h2:file:".length()).replaceFirst(";.*", "") + ".mv.db")
                : Optional.empty();
    }

    /** H2 inside this process (file, memory): everything but its tcp: and ssl: client URLs. */
    public boolean isEmbeddedH2() {
        String rest = jdbcUrl.substring(Math.min(jdbcUrl.length(), "jdbc:h2:".length()));
        return isH2() && !rest.regionMatches(true, 0, "tcp:", 0, 4) && !rest.regionMatches(true, 0, "ssl:", 0, 4);
    }

    /** The first key that holds a database URL, the one {@link #resolve} reads. */
    static Optional<String> urlKey(Vars vars) {
        return URL_KEYS.stream().filter(vars::isSet).map(Setting::key).findFirst();
    }

    /** The URL with any user info or password parameter removed, fit for logs. */
    public String safeUrl() {
        return jdbcUrl.replaceAll("//[^/@]*@", "//").replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public String toString() {
        return "DbSettings[" + safeUrl() + ", user=" + username + "]";
    }

    static DbSettings resolve(Vars vars) {
        for (Setting<String> key : URL_KEYS) {
            if (vars.isSet(key)) {
                return vars.optional(key)
                        .map(url -> fromUrl(key.key(), url, vars))
                        .orElseGet(DbSettings::invalid);
            }
        }
        for (SplitForm form : SPLIT_FORMS) {
            Optional<String> host = vars.optional(form.host());
            if (host.isPresent()) {
                return new DbSettings(
                        mysqlUrl(host.get(), vars.get(form.port()), vars.get(form.database()), ""),
                        vars.optional(form.user()).orElse("root"),
                        vars.optional(form.password()).orElse(""),
                        false);
            }
        }
        Path dataDir = Path.of(vars.get(Settings.DATA_DIR)).toAbsolutePath().normalize();
        return new DbSettings(h2FileUrl(dataDir.resolve("api")), "sa", "", true);
    }

    public static String h2FileUrl(Path fileWithoutSuffix) {
        return "jdbc:h2:file:" + fileWithoutSuffix + ";" + H2_MYSQL_MODE;
    }

    /** H2 in MySQL mode; the app, not H2's exit hook, closes it so the last request logs can be written. */
    public static final String H2_MYSQL_MODE =
            "MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_ON_EXIT=FALSE";

    private static DbSettings fromUrl(String key, String url, Vars vars) {
        if (url.startsWith("jdbc:h2:")) {
            return new DbSettings(
                    url,
                    vars.optional(Settings.DATABASE_USERNAME).orElse("sa"),
                    vars.optional(Settings.DATABASE_PASSWORD).orElse(""),
                    false);
        }
        if (url.startsWith("jdbc:mysql://") || url.startsWith("jdbc:mariadb://")) {
            URI uri = parse(key, url.substring("jdbc:".length()), vars);
            if (uri == null) {
                return invalid();
            }
            if (uri.getHost() == null) {
                vars.problem(key + " has no host (expected jdbc:mysql://host:port/database)");
                return invalid();
            }
            // Connector/J is the only driver we ship; it reads jdbc:mysql URLs for MariaDB too.
            String jdbcUrl = url.startsWith("jdbc:mariadb://")
                    ? "jdbc:mysql://" + url.substring("jdbc:mariadb://".length())
                    : url;
            return new DbSettings(
                    jdbcUrl,
                    vars.optional(Settings.DATABASE_USERNAME).orElse(null),
                    vars.optional(Settings.DATABASE_PASSWORD).orElse(null),
                    false);
        }
        // what is left is mysql://, mysql2:// or mariadb://: the key's kind let no other scheme through
        URI uri = parse(key, url, vars);
        if (uri == null) {
            return invalid();
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (uri.getHost() == null || path.isEmpty()) {
            vars.problem(key + " is malformed (expected mysql://user:password@host:port/database)");
            return invalid();
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : "";
        }
        int port = uri.getPort() == -1 ? 3306 : uri.getPort();
        return new DbSettings(mysqlUrl(uri.getHost(), port, path, keptQuery(uri.getRawQuery())), user, password, false);
    }

    private static URI parse(String key, String url, Vars vars) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            // the URL may hold a password: say where it broke, not what it was
            vars.problem(key + " is malformed at index " + e.getIndex() + " (" + e.getReason() + ")");
            return null;
        }
    }

    /** ClearDB appends {@code reconnect=true}; the pool reconnects by itself, so that flag is dropped. */
    private static String keptQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        return Arrays.stream(rawQuery.split("&"))
                .filter(p -> !p.toLowerCase().startsWith("reconnect="))
                .collect(Collectors.joining("&"));
    }

    private static String mysqlUrl(String host, int port, String database, String query) {
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "jdbc:mysql://" + hostPart + ":" + port + "/" + database + (query.isEmpty() ? "" : "?" + query);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8); // a literal + stays a +
    }

    private static DbSettings invalid() {
        return new DbSettings("jdbc:invalid", null, null, false);
    }
}
