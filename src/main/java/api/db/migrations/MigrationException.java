package api.db.migrations;

/** The schema cannot be brought to the state asked for; the message says which migration and why. */
public final class MigrationException extends RuntimeException {
    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
