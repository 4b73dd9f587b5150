package api.db.migrations;

import api.db.Sha256;
import java.util.Arrays;
import java.util.List;

/** One numbered schema change: the SQL that applies it and the SQL that takes it back. */
public record Migration(int version, String name, String upSql, String downSql) implements Numbered {

    /** SHA-256 of the up script: an applied migration whose file later changes is refused. */
    public String checksum() {
        return Sha256.hex(upSql.strip());
    }

    /** Statements end with a semicolon at the end of a line; lines starting with -- are comments. */
    static List<String> statements(String sql) {
        String withoutComments =
                sql.lines().filter(line -> !line.strip().startsWith("--")).reduce("", (a, b) -> a + b + "\n");
        return Arrays.stream(withoutComments.split(";\\s*(\\n|$)"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
