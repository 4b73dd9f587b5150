package api.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.support.TestDb;
import api.support.TestDbs;
import java.util.stream.Stream;
import org.jdbi.v3.core.statement.StatementException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What reaches the log when a statement fails: its SQL, never the values bound to it. */
class StatementErrorsTest {
    static Stream<TestDb> databases() {
        return TestDbs.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
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
