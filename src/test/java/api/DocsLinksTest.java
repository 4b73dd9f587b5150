package api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README and src/docs link only inside the repository, and every such link reaches a file and a heading. */
class DocsLinksTest {
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)|<(https?://[^>]+)>");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} (.+)$");

    @Test
    void every_relative_link_resolves_to_a_file_and_heading() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path doc : docs()) {
            Matcher link = LINK.matcher(Files.readString(doc));
            while (link.find()) {
                String target = link.group(1) != null ? link.group(1) : link.group(2);
                if (isLocalServer(target)) {
                    continue;
                }
                if (target.matches("^[a-z]+:.*")) {
                    broken.add(doc + ": " + target + " leaves the repository");
                    continue;
                }
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                Path resolved = file.isEmpty()
                        ? doc
                        : doc.toAbsolutePath().getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(doc + ": " + target + " (no " + resolved + ")");
                } else if (target.contains("#")
                        && !anchors(resolved).contains(target.substring(target.indexOf('#') + 1))) {
                    broken.add(doc + ": " + target + " (no such heading in " + resolved + ")");
                }
            }
        }
        assertTrue(broken.isEmpty(), String.join("\n", broken));
    }

    /** The walkthrough's own server is the one link out that is meant. */
    private static boolean isLocalServer(String target) {
        return target.startsWith("http://localhost:");
    }

    private static List<Path> docs() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src", "docs"))) {
            return Stream.concat(
                            Stream.of(Path.of("README.md")),
                            files.filter(f -> f.toString().endsWith(".md")))
                    .toList();
        }
    }

    /** GitHub's anchors: the heading in lower case, punctuation dropped, spaces as dashes. */
    private static List<String> anchors(Path markdown) throws IOException {
        if (!markdown.toString().endsWith(".md")) {
            return List.of();
        }
        List<String> anchors = new ArrayList<>();
        Matcher heading = HEADING.matcher(Files.readString(markdown));
        while (heading.find()) {
            anchors.add(heading.group(1)
                    .strip()
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N} _-]", "")
                    .replace(' ', '-'));
        }
        return anchors;
    }
}
