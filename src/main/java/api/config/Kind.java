package api.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a setting's value may be, how its text is read, and how that is said: one declaration gives the check, the
 * message, {@code --help} and the reference, so none of them can state a different rule.
 */
public sealed interface Kind<T> {

    /**
     * The value {@code text} (never blank) stands for; an IllegalArgumentException's message finishes a sentence that
     * starts with the key ("must be ..."), saying what is accepted and what was given.
     */
    T parse(String text);

    /** What it accepts, for {@code --help} and the reference; empty when any text will do. */
    String accepts();

    /** Any text. */
    record Text() implements Kind<String> {
        @Override
        public String parse(String text) {
            return text;
        }

        @Override
        public String accepts() {
            return "";
        }
    }

    /** Any text, never shown: not in a message, nor as a default. */
    record Secret() implements Kind<String> {
        @Override
        public String parse(String text) {
            return text;
        }

        @Override
        public String accepts() {
            return "";
        }
    }

    /**
     * A whole number from {@code min} to {@code max}; with {@code zeroMeans}, also 0, which then stands for what it
     * says.
     */
    record Whole(int min, int max, String zeroMeans) implements Kind<Integer> {
        @Override
        public Integer parse(String text) {
            int n;
            try {
                n = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be an integer, got '" + text + "'");
            }
            if ((n < min || n > max) && !(n == 0 && zeroMeans != null)) {
                throw new IllegalArgumentException("must be " + (zeroMeans == null ? "" : "0 (" + zeroMeans + ") or ")
                        + "between " + min + " and " + max + ", got " + n);
            }
            return n;
        }

        @Override
        public String accepts() {
            return (zeroMeans == null ? "" : "0 for " + zeroMeans + ", or ") + min + " to " + max;
        }
    }

    /** A whole number of {@code unit}s, from {@code min} to {@code max}. */
    record Span(ChronoUnit unit, int min, int max) implements Kind<Duration> {
        @Override
        public Duration parse(String text) {
            return Duration.of(new Whole(min, max, null).parse(text), unit);
        }

        @Override
        public String accepts() {
            return new Whole(min, max, null).accepts();
        }
    }

    /** true or false; 1, yes and on, 0, no and off too, as shell scripts write them. */
    record Flag() implements Kind<Boolean> {
        @Override
        public Boolean parse(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes", "on" -> true;
                case "false", "0", "no", "off" -> false;
                default -> throw new IllegalArgumentException("must be true or false, got '" + text + "'");
            };
        }

        @Override
        public String accepts() {
            return "true or false";
        }
    }

    /** One of {@code values}, in any case; read as it is spelled there. */
    record OneOf(List<String> values) implements Kind<String> {
        @Override
        public String parse(String text) {
            return values.stream()
                    .filter(value -> value.equalsIgnoreCase(text))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("must be " + accepts() + ", got '" + text + "'"));
        }

        @Override
        public String accepts() {
            String last = values.get(values.size() - 1);
            return values.size() == 1 ? last : String.join(", ", values.subList(0, values.size() - 1)) + " or " + last;
        }
    }

    /** A comma list of IP addresses and CIDR ranges. */
    record AddressRanges() implements Kind<List<AddressRange>> {
        @Override
        public List<AddressRange> parse(String text) {
            try {
                return items(text).stream().map(AddressRange::parse).toList();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("must be " + accepts() + ": " + e.getMessage());
            }
        }

        @Override
        public String accepts() {
            return AddressRange.ACCEPTS;
        }
    }

    /** A comma list of browser origins, or {@code *}. */
    record OriginList() implements Kind<List<String>> {
        @Override
        public List<String> parse(String text) {
            try {
                return Origins.check(items(text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("must be " + accepts() + ": " + e.getMessage());
            }
        }

        @Override
        public String accepts() {
            return Origins.ACCEPTS;
        }
    }

    /** An http or https address with a host and nothing after the path; a trailing slash is dropped. */
    record WebAddress() implements Kind<String> {
        @Override
        public String parse(String text) {
            URI uri;
            try {
                uri = new URI(text);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("must be " + accepts() + ", got '" + text + "'");
            }
            boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            if (!web || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("must be " + accepts() + ", got '" + text + "'");
            }
            return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        }

        @Override
        public String accepts() {
            return "an address such as https://tasks.example.com";
        }
    }

    /** A database URL, as Heroku's add-ons or a JDBC driver write it; never repeated, since it may hold a password. */
    record DatabaseUrl() implements Kind<String> {
        private static final List<String> SCHEMES =
                List.of("mysql://", "mysql2://", "mariadb://", "jdbc:mysql://", "jdbc:mariadb://", "jdbc:h2:");

        @Override
        public String parse(String text) {
            if (SCHEMES.stream().noneMatch(text::startsWith)) {
                int colon = text.indexOf(':');
                String scheme = colon > 0 && colon < 20 ? text.substring(0, colon) : "?";
                throw new IllegalArgumentException(
                        "must start with mysql:// or jdbc:mysql:// (got scheme '" + scheme + "')");
            }
            return text;
        }

        @Override
        public String accepts() {
            return "mysql://user:password@host:3306/db, jdbc:mysql://host:3306/db or jdbc:h2:...";
        }
    }

    private static List<String> items(String text) {
        return Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
