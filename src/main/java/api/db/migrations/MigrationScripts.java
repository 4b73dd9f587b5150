package api.db.migrations;

import api.db.Dialect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the {@code NNN_name.up.sql} / {@code NNN_name.down.sql} pairs in a classpath folder, from the jar or from
 * target/classes alike. An up script with a dialect's variant ({@code NNN_name.up.h2.sql}) replaces the shared one
 * on that database.
 */
public final class MigrationScripts {
    private static final Pattern FILE = Pattern.compile("(\\d{3})_([a-z0-9_]+)\\.(up|down)(?:\\.([a-z0-9]+))?\\.sql");

    private MigrationScripts() {}

    public static List<Migration> load(String folder, Dialect dialect) {
        Map<String, String> files = readFolder(folder);
        Map<Integer, String> names = new TreeMap<>();
        Map<String, String> scripts = new HashMap<>();
        for (var entry : files.entrySet()) {
            Matcher m = FILE.matcher(entry.getKey());
            if (!m.matches() || m.group(4) != null && !isVariant(m.group(4))) {
                throw new IllegalStateException("unexpected file in " + folder + ": " + entry.getKey());
            }
            int version = Integer.parseInt(m.group(1));
            String previous = names.putIfAbsent(version, m.group(2));
            if (previous != null && !previous.equals(m.group(2))) {
                throw new IllegalStateException(
                        "two migrations numbered " + m.group(1) + ": " + previous + ", " + m.group(2));
            }
            scripts.put(version + m.group(3) + (m.group(4) == null ? "" : "." + m.group(4)), entry.getValue());
        }
        List<Migration> migrations = new ArrayList<>();
        int expected = 1;
        for (var entry : names.entrySet()) {
            int version = entry.getKey();
            if (version != expected) {
                throw new IllegalStateException("migration " + expected + " is missing (found " + version + ")");
            }
            expected++;
            String up = dialect.scriptVariant()
                    .map(variant -> scripts.get(version + "up." + variant))
                    .orElse(scripts.get(version + "up"));
            String down = scripts.get(version + "down");
            if (up == null || down == null) {
                throw new IllegalStateException(
                        "migration " + version + "_" + entry.getValue() + " needs both .up.sql and .down.sql");
            }
            migrations.add(new Migration(version, entry.getValue(), up, down));
        }
        return List.copyOf(migrations);
    }

    private static boolean isVariant(String variant) {
        return Arrays.stream(Dialect.values()).anyMatch(d -> d.scriptVariant().equals(Optional.of(variant)));
    }

    private static Map<String, String> readFolder(String folder) {
        URL url = MigrationScripts.class.getClassLoader().getResource(folder);
        if (url == null) {
            throw new IllegalStateException("no " + folder + " on the classpath");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return readAll(jar.getPath(folder));
                } catch (FileSystemAlreadyExistsException e) {
                    return readAll(
                            FileSystems.getFileSystem(uri).getPath(folder)); // opened elsewhere: not ours to close
                }
            }
            return readAll(Path.of(uri));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> readAll(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(dir)) {
            for (Path p : paths.toList()) {
                files.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
