package api.config;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * One configuration key: its name (the environment variable), built-in default ("" for none), meaning, and the kind
 * of value it takes. Each key is declared once, in {@link Settings}.
 */
public record Setting<T>(String key, String defaultValue, String meaning, Kind<T> kind) {
    static Setting<String> text(String key, String defaultValue, String meaning) {
        return new Setting<>(key, defaultValue, meaning, new Kind.Text());
    }

    static Setting<String> secret(String key, String meaning) {
        return new Setting<>(key, "", meaning, new Kind.Secret());
    }

    static Setting<String> databaseUrl(String key, String meaning) {
        return new Setting<>(key, "", meaning, new Kind.DatabaseUrl());
    }

    static Setting<Integer> number(String key, int defaultValue, int min, int max, String meaning) {
        return new Setting<>(key, Integer.toString(defaultValue), meaning, new Kind.Whole(min, max, null));
    }

    /** A number that may also be 0, which stands for {@code zeroMeans} (a value worked out at start). */
    static Setting<Integer> numberOrZero(String key, int min, int max, String zeroMeans, String meaning) {
        return new Setting<>(key, "0", meaning, new Kind.Whole(min, max, zeroMeans));
    }

    static Setting<Duration> span(String key, int defaultValue, ChronoUnit unit, int min, int max, String meaning) {
        return new Setting<>(key, Integer.toString(defaultValue), meaning, new Kind.Span(unit, min, max));
    }

    static Setting<Boolean> bool(String key, boolean defaultValue, String meaning) {
        return new Setting<>(key, Boolean.toString(defaultValue), meaning, new Kind.Flag());
    }

    static Setting<String> oneOf(String key, String defaultValue, List<String> values, String meaning) {
        return new Setting<>(key, defaultValue, meaning, new Kind.OneOf(values));
    }

    /** The command-line flag that sets it: {@code DB_POOL_SIZE} is {@code --db-pool-size}. */
    public String flag() {
        return "--" + key.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The meaning, then what it accepts in brackets when the kind restricts it: as --help and the reference say it. */
    public String description() {
        String accepts = kind.accepts();
        return accepts.isEmpty() ? meaning : meaning + " (" + accepts + ")";
    }
}
