package api.config;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Keys that no setting declares, each named with the nearest declared one: a typo would otherwise pass in silence. */
final class UnknownKeys {
    private UnknownKeys() {}

    /** A flag is meant for this app alone, so an unknown one is an error. */
    static List<String> inFlags(Map<String, String> flags) {
        return unknown(flags)
                .map(key -> "unknown flag " + flag(key)
                        + nearest(key)
                                .map(s -> "; did you mean " + s.flag() + "?")
                                .orElse("; see --help"))
                .toList();
    }

    /** A file may hold other tools' keys too, so an unknown one is only worth a warning. */
    static List<String> inFile(String file, Map<String, String> values) {
        return unknown(values)
                .map(key -> file + ": unknown key " + key
                        + nearest(key)
                                .map(s -> "; did you mean " + s.key() + "?")
                                .orElse(""))
                .toList();
    }

    /** The declared key within a few typed characters of {@code key}, the nearest first. */
    static Optional<Setting<?>> nearest(String key) {
        int tolerance = Math.max(1, Math.min(3, key.length() / 3));
        return Settings.ALL.stream()
                .filter(s -> distance(key, s.key()) <= tolerance)
                .min(Comparator.comparingInt(s -> distance(key, s.key())));
    }

    private static Stream<String> unknown(Map<String, String> values) {
        return values.keySet().stream().sorted().filter(key -> !Settings.BY_KEY.containsKey(key));
    }

    private static String flag(String key) {
        return "--" + key.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Edits (insert, delete, replace, swap two neighbours) that turn one word into the other. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
