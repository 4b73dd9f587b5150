package api.config;

/**
 * One configuration key: its name (the environment variable), built-in default ("" for none), meaning, and for a
 * number the range it must fall in. Each key is declared once, in {@link Settings}.
 */
public record Setting(String key, String defaultValue, String meaning, int min, int max) {
    static Setting text(String key, String defaultValue, String meaning) {
        return new Setting(key, defaultValue, meaning, 0, 0);
    }

    static Setting number(String key, int defaultValue, int min, int max, String meaning) {
        return new Setting(key, Integer.toString(defaultValue), meaning, min, max);
    }

    /** The command-line flag that sets it: {@code DB_POOL_SIZE} is {@code --db-pool-size}. */
    public String flag() {
        return "--" + key.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
