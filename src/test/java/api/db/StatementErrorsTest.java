package api.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.support.OnEachDatabase;
import api.support.TestDb;
import org.jdbi.v3.core.statement.StatementException;

/** What reaches the log when a statement fails: its SQL, never the values bound to it. */
class StatementErrorsTest {

    @OnEachDatabase
    void a_failed_statement_names_its_sql_but_not_its_bound_values(TestDb db) {
        var error = assertThrows(
                StatementException.class,
                () -> db.database()
                        .jdbi()
                        .useHandle(handle -> handle.createUpdate("INSERT INTO no_such_table (secret) VALUES (:secret)")
                                .bind("secret", "hunter2-bound-value")
                                .execute()));

        assertTrue(error.getMessage().contains("INSERT INTO no_such_table"), error.getMessage());
        assertFalse(error.getMessage().contains("hunter2-bound-value"), error.getMessage());
    }
}
