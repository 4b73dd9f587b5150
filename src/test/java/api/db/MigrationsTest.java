package api.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.config.DbSettings;
import api.db.migrations.Migrations;
import api.support.TestDbs;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MigrationsTest {

    static Stream<String> engines() {
        return Stream.of("H2", "MariaDB");
    }

    private static Database fresh(String engine) {
        DbSettings settings = engine.equals("H2") ? TestDbs.freshH2Settings("migrations") : TestDbs.freshMariaDbSettings("migrations");
        return TestDbs.connect(settings);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void all_ups_all_downs_and_all_ups_again_succeed(String engine) {
        try (Database db = fresh(engine)) {
            var migrations = new Migrations(db.dataSource(), db.settings().isH2());
            int count = migrations.known().size();

            assertEquals(count, migrations.upgrade().size());
            assertEquals(count, migrations.downgrade(count).size());
            assertTrue(migrations.current().isEmpty());
            assertEquals(count, migrations.upgrade().size());
            assertEquals(count, migrations.current().orElseThrow().version());
        }
    }
}
