package api.db;

import api.config.DbSettings;
import java.util.Optional;

/**
 * The SQL the database speaks. H2 runs in MySQL mode, so most statements are one text for both; what differs is named
 * here or chosen by it: the posts page, the up scripts a migration replaces, the migration lock.
 */
public enum Dialect {
    /** MySQL 8 and MariaDB, through Connector/J. */
    MYSQL(Optional.empty()),
    /** H2 in MySQL mode: the embedded database when none is configured. */
    H2(Optional.of("h2"));

    private final Optional<String> scriptVariant;

    Dialect(Optional<String> scriptVariant) {
        this.scriptVariant = scriptVariant;
    }

    public static Dialect of(DbSettings settings) {
        return settings.isH2() ? H2 : MYSQL;
    }

    /** The infix of the up scripts written for this database alone, as in {@code 010_name.up.h2.sql}. */
    public Optional<String> scriptVariant() {
        return scriptVariant;
    }
}
