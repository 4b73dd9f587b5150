package api.db;

/** The database could not be reached in time; the app cannot start or go on. */
public final class DatabaseUnavailableException extends RuntimeException {
    public DatabaseUnavailableException(String message) {
        super(message);
    }
}
