package api.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import api.config.DbSettings;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DialectTest {

    @Test
    void an_h2_url_speaks_h2_and_reads_the_h2_variant_of_an_up_script() {
        Dialect dialect = Dialect.of(new DbSettings(DbSettings.h2FileUrl(Path.of("/tmp/api")), "sa", "", true));

        assertEquals(Dialect.H2, dialect);
        assertEquals(Optional.of("h2"), dialect.scriptVariant());
    }

    @Test
    void a_mysql_url_speaks_mysql_and_reads_the_shared_up_scripts() {
        Dialect dialect = Dialect.of(new DbSettings("jdbc:mysql://db:3306/api", "root", "", false));

        assertEquals(Dialect.MYSQL, dialect);
        assertEquals(Optional.empty(), dialect.scriptVariant());
    }
}
