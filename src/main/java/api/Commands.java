package api;

import api.config.AppConfig;
import api.db.Database;
import api.db.migrations.Migration;
import api.db.migrations.Migrations;
import api.todos.TodoDao;
import api.todos.TodoImport;
import api.users.UserDao;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The operator commands other than serve: {@code db upgrade|downgrade N|current|history},
 * {@code todos import FILE --owner EMAIL} and {@code todos assign --owner EMAIL}.
 */
final class Commands {
    private Commands() {}

    static int db(AppConfig config, String action, List<String> args) {
        try (Database db = Database.connect(config.database().settings(), 2, config.database().connectionTimeout(), config.database().connectDeadline())) {
            Migrations migrations = new Migrations(db.dataSource(), db.settings().isH2());
            switch (action) {
                case "upgrade" -> {
                    List<Migration> applied = migrations.upgrade();
                    System.out.println(applied.isEmpty() ? "Already at the latest version."
                            : "Applied " + applied.size() + ": " + labels(applied));
                }
                case "downgrade" -> {
                    int steps;
                    try {
                        steps = Integer.parseInt(args.get(0));
                    } catch (NumberFormatException e) {
                        System.err.println("db downgrade needs a number of steps, got '" + args.get(0) + "'");
                        return 2;
                    }
                    List<Migration> reverted = migrations.downgrade(steps);
                    System.out.println(reverted.isEmpty() ? "Nothing to revert." : "Reverted " + reverted.size() + ": " + labels(reverted));
                }
                case "current" -> System.out.println(migrations.current()
                        .map(a -> a.label() + " (applied " + a.appliedAt() + ")")
                        .orElse("No migrations applied."));
                case "history" -> {
                    Set<Integer> applied = migrations.applied().stream().map(Migrations.Applied::version).collect(Collectors.toSet());
                    for (Migration m : migrations.known()) {
                        System.out.println((applied.contains(m.version()) ? "[applied] " : "[pending] ") + m.label());
                    }
                }
                default -> throw new IllegalArgumentException(action);
            }
            return 0;
        }
    }

    /**
     * Exit 0 with the count; 1 naming what is wrong with the file, or when no account has the owner's email (a bad
     * file imports nothing); 2 without {@code --owner}.
     */
    static int importTodos(AppConfig config, Path file, String ownerEmail) {
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
    static int assignTodos(AppConfig config, String ownerEmail) {
        return asOwner(config, "todos assign", ownerEmail, (db, owner) -> {
            int count = db.jdbi().onDemand(TodoDao.class).assignUnowned(owner);
            System.out.println("Assigned " + count + " tasks without an owner to " + ownerEmail);
            return 0;
        });
    }

    private interface OwnerCommand {
        int run(Database db, long owner);
    }

    private static int asOwner(AppConfig config, String usage, String ownerEmail, OwnerCommand command) {
        if (ownerEmail == null || ownerEmail.isBlank()) {
            System.err.println(usage + " needs --owner EMAIL: the user whose tasks they become");
            return 2;
        }
        try (Database db = Database.connect(config.database().settings(), 2, config.database().connectionTimeout(), config.database().connectDeadline())) {
            if (config.database().migrateOnStart()) {
                new Migrations(db.dataSource(), db.settings().isH2()).upgrade();
            }
            Optional<Long> owner = db.jdbi().onDemand(UserDao.class).idByEmail(ownerEmail.strip());
            if (owner.isEmpty()) {
                System.err.println("no user has the email " + ownerEmail + ": sign up first (nothing changed)");
                return 1;
            }
            return command.run(db, owner.get());
        }
    }

    private static String labels(List<Migration> migrations) {
        return migrations.stream().map(Migration::label).collect(Collectors.joining(", "));
    }
}
