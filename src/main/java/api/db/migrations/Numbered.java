package api.db.migrations;

/** A migration's version and name, known or applied. */
public interface Numbered {
    int version();

    String name();

    /** {@code 001_create_posts}: how the files are named and how every message names a migration. */
    default String label() {
        return String.format("%03d_%s", version(), name());
    }
}
