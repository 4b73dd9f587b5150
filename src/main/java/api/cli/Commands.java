package api.cli;

import api.config.AppConfig;
import api.db.Database;
import api.db.migrations.Migration;
import api.db.migrations.Migrations;
import api.todos.TodoDao;
import api.todos.TodoImport;
import api.users.AccountDao;
import api.users.AccountRow;
import api.users.LoginFailureDao;
import api.users.LoginFailures;
import api.users.PasswordResetDao;
import api.users.ResetLinks;
import api.users.UserDao;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/** The operator commands other than serve. */
public final class Commands {
    private Commands() {}

    public static int upgrade(AppConfig config) {
        return withMigrations(config, migrations -> {
            List<Migration> applied = migrations.upgrade();
            System.out.println(
                    applied.isEmpty()
                            ? "Already at the latest version."
                            : "Applied " + applied.size() + ": " + labels(applied));
            return 0;
        });
    }

    public static final String DOWNGRADE_USAGE =
            CommandTable.find(List.of("db", "downgrade")).orElseThrow().usageError();

    /** A usage error, exit 2, unless {@code steps} is a whole number of at least 1. */
    public static int downgrade(AppConfig config, String steps) {
        int count = wholeNumber(steps);
        if (count < 1) {
            System.err.println(DOWNGRADE_USAGE);
            return 2;
        }
        return withMigrations(config, migrations -> {
            List<Migration> reverted = migrations.downgrade(count);
            System.out.println(
                    reverted.isEmpty()
                            ? "Nothing to revert."
                            : "Reverted " + reverted.size() + ": " + labels(reverted));
            return 0;
        });
    }

    private static int wholeNumber(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public static int current(AppConfig config) {
        return withMigrations(config, migrations -> {
            System.out.println(migrations
                    .current()
                    .map(applied -> applied.label() + " (applied " + applied.appliedAt() + ")")
                    .orElse("No migrations applied."));
            return 0;
        });
    }

    public static int history(AppConfig config) {
        return withMigrations(config, migrations -> {
            Set<Integer> applied = migrations.applied().stream()
                    .map(Migrations.Applied::version)
                    .collect(Collectors.toSet());
            for (Migration m : migrations.known()) {
                System.out.println((applied.contains(m.version()) ? "[applied] " : "[pending] ") + m.label());
            }
            return 0;
        });
    }

    private static int withMigrations(AppConfig config, ToIntFunction<Migrations> command) {
        try (Database db = connect(config)) {
            return command.applyAsInt(db.migrations());
        }
    }

    /**
     * Exit 0 with the count; 1 naming what is wrong with the file, or when no account has the owner's email (a bad
     * file imports nothing); 2 without {@code --owner}.
     */
    public static int importTodos(AppConfig config, String path, String ownerEmail) {
        Path file = Path.of(path);
        return asOwner(config, "todos import FILE", ownerEmail, (db, owner) -> {
            try {
                int count = new TodoImport(db.jdbi().onDemand(TodoDao.class)).run(file, owner);
                System.out.println("Imported " + count + " todos for " + ownerEmail);
                return 0;
            } catch (TodoImport.Failure e) {
                System.err.println(file + ": " + e.getMessage() + " (nothing imported)");
                return 1;
            }
        });
    }

    /** Gives the tasks from before tasks had owners, which no one sees, to one user. Exit status as for import. */
    public static int assignTodos(AppConfig config, String ownerEmail) {
        return asOwner(config, "todos assign", ownerEmail, (db, owner) -> {
            int count = db.jdbi().onDemand(TodoDao.class).assignUnowned(owner);
            System.out.println("Assigned " + count + " tasks without an owner to " + ownerEmail);
            return 0;
        });
    }

    /**
     * Clears the account's failed-login counters, from every address and of its devices, so its owner can log in
     * again at once. Exit 0 with the count; 1 when no account has the email.
     */
    public static int unlockUser(AppConfig config, String email) {
        return asUser(config, email, (db, user) -> {
            int count = new LoginFailures(db.jdbi().onDemand(LoginFailureDao.class), config.auth(), Clock.systemUTC())
                    .unlock(email.strip());
            System.out.println("Cleared " + count + " failed-login counters of " + email.strip());
            return 0;
        });
    }

    /** Every account: id, email, when it was created, disabled and last logged in to. Exit 0. */
    public static int listUsers(AppConfig config) {
        try (Database db = connect(config)) {
            migrateIfAsked(config, db);
            String format = "%-8s %-40s %-20s %-20s %s%n";
            System.out.printf(format, "id", "email", "created", "disabled", "last login");
            for (AccountRow user : db.jdbi().onDemand(AccountDao.class).list()) {
                System.out.printf(
                        format,
                        user.id(),
                        user.email(),
                        toTheSecond(user.createdAt()),
                        toTheSecond(user.disabledAt()),
                        toTheSecond(user.lastLoginAt()));
            }
            return 0;
        }
    }

    /**
     * The account can no longer log in, and its tokens and page sessions end: at once for the database, and on each
     * running instance within AUTH_USER_CACHE_SECONDS. Exit 0; 1 when no account has the email.
     */
    public static int disableUser(AppConfig config, String email) {
        return asUser(config, email, (db, user) -> {
            // the tokens' own clock: the line they are measured against
            db.jdbi().onDemand(AccountDao.class).disable(user, Instant.now().truncatedTo(ChronoUnit.MICROS));
            System.out.println("Disabled " + email.strip() + ": its tokens and page sessions have ended; running"
                    + " instances refuse it within AUTH_USER_CACHE_SECONDS");
            return 0;
        });
    }

    /** The account may log in again; the tokens the disable ended stay ended. Exit status as for disable. */
    public static int enableUser(AppConfig config, String email) {
        return asUser(config, email, (db, user) -> {
            db.jdbi().onDemand(AccountDao.class).enable(user);
            System.out.println("Enabled " + email.strip() + ": it can log in again");
            return 0;
        });
    }

    /**
     * Prints a new reset link for an operator to pass on, replacing the account's earlier one. Exit 0; 1 when no
     * account has the email; 2 without PUBLIC_URL, which the link starts with.
     */
    public static int resetLink(AppConfig config, String email) {
        if (config.mail().publicUrl().isEmpty()) {
            System.err.println("users reset-link needs PUBLIC_URL, the address users reach the service at, which the"
                    + " link starts with (nothing changed)");
            return 2;
        }
        return asUser(config, email, (db, user) -> {
            var links = new ResetLinks(
                    db.jdbi().onDemand(PasswordResetDao.class), config.mail().publicUrl(), Clock.systemUTC());
            System.out.println(links.newLink(user).orElseThrow());
            System.err.println("Works once, for " + ResetLinks.LIFETIME.toMinutes()
                    + " minutes; pass it to the account's owner only.");
            return 0;
        });
    }

    private static String toTheSecond(Instant at) {
        return at == null ? "-" : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static void migrateIfAsked(AppConfig config, Database db) {
        if (config.database().migrateOnStart()) {
            db.migrations().upgrade();
        }
    }

    private interface UserCommand {
        int run(Database db, long userId);
    }

    private static int asOwner(AppConfig config, String usage, String ownerEmail, UserCommand command) {
        if (ownerEmail == null || ownerEmail.isBlank()) {
            System.err.println(usage + " needs --owner EMAIL: the user whose tasks they become");
            return 2;
        }
        return asUser(config, ownerEmail, command);
    }

    private static int asUser(AppConfig config, String email, UserCommand command) {
        try (Database db = connect(config)) {
            migrateIfAsked(config, db);
            Optional<Long> user = db.jdbi().onDemand(UserDao.class).idByEmail(email.strip());
            if (user.isEmpty()) {
                System.err.println("no user has the email " + email + ": sign up first (nothing changed)");
                return 1;
            }
            return command.run(db, user.get());
        }
    }

    /** A pool of two: a command runs one statement at a time. */
    static Database connect(AppConfig config) {
        AppConfig.DatabaseSettings settings = config.database();
        return Database.connect(settings.location(), 2, settings.connectionTimeout(), settings.connectDeadline());
    }

    private static String labels(List<Migration> migrations) {
        return migrations.stream().map(Migration::label).collect(Collectors.joining(", "));
    }
}
