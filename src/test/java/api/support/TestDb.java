package api.support;

import api.config.DbSettings;
import api.db.Database;
import api.db.Dialect;
import org.jdbi.v3.core.Jdbi;

/** A migrated test database (H2 or MariaDB). Its name is what parameterised tests show. */
public record TestDb(String name, DbSettings settings, Database database) {

    /** Tables emptied between tests, children first; {@code priorities} keeps its seeded rows. */
    private static final String[] TABLES = {
        "votes",
        "posts",
        "tasks",
        "sessions",
        "devices",
        "password_resets",
        "users",
        "log_table",
        "login_failures",
        "signup_counts"
    };

    public Jdbi jdbi() {
        return database.jdbi();
    }

    public Dialect dialect() {
        return database.dialect();
    }

    public void truncateAll() {
        for (String table : TABLES) {
            deleteAll(table);
        }
    }

    /**
     * A shared test app's request-log writer may be inserting into log_table at the same moment: on MariaDB the
     * DELETE can then lose a deadlock, which InnoDB resolves by rolling it back. Trying again is the cure.
     */
    private void deleteAll(String table) {
        for (int attempt = 1; ; attempt++) {
            try {
                jdbi().useHandle(h -> h.execute("DELETE FROM " + table));
                return;
            } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
                if (attempt == 5 || !(e.getCause() instanceof java.sql.SQLTransactionRollbackException)) {
                    throw e;
                }
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
