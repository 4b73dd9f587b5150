package api.config;

/** The configuration cannot start the app; the message names every offending key. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
