package api.support;

import api.config.DbSettings;
import api.db.Database;
import org.jdbi.v3.core.Jdbi;

/** A migrated test database (H2 or MariaDB). Its name is what parameterised tests show. */
public record TestDb(String name, DbSettings settings, Database database) {

    /** Tables emptied between tests, children first; {@code priorities} keeps its seeded rows. */
    private static final String[] TABLES = {"votes", "posts", "users", "tasks", "log_table"};

    public Jdbi jdbi() {
        return database.jdbi();
    }

    public boolean isH2() {
        return settings.isH2();
    }

    public void truncateAll() {
        jdbi().useHandle(h -> {
            for (String table : TABLES) {
                h.execute("DELETE FROM " + table);
            }
        });
    }

    @Override
    public String toString() {
        return name;
    }
}
