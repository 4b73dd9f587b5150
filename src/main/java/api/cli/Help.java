package api.cli;

import api.config.Settings;

/** The text of {@code --help}. */
public final class Help {
    private Help() {}

    public static final String TEXT = """
            Usage: java -jar api.jar [COMMAND] [--KEY=VALUE ...]

            Commands:
              serve                 run the HTTP server (default)
              db upgrade            apply every pending migration
              db downgrade N        revert the newest N migrations
              db current            show the database's migration version
              db history            list every migration, applied or pending
              todos import FILE --owner EMAIL
                                    load todos from a JSON array or a DynamoDB batch-write-item file as the tasks of
                                    the user EMAIL (all or nothing; an item's own "id" is ignored)
              todos assign --owner EMAIL
                                    give every task without an owner (tasks from before tasks had owners, which no
                                    one sees) to the user EMAIL
              users list            every account: id, email, created, disabled, last login
              users disable EMAIL   the user EMAIL can no longer log in; its tokens and page sessions end (running
                                    instances refuse them within AUTH_USER_CACHE_SECONDS)
              users enable EMAIL    the user EMAIL can log in again
              users unlock EMAIL    clear the failed-login counters of the user EMAIL (from every address and device),
                                    so that its owner can log in again at once
              users reset-link EMAIL
                                    print a password reset link for the user EMAIL (PUBLIC_URL/tasks/reset?token=...,
                                    once, 30 minutes), replacing its earlier one, for an operator to pass on
              training-run          start on a throwaway embedded database, send a few requests, stop: run under
                                    -XX:ArchiveClassesAtExit or -XX:AOTCacheOutput to make a faster-start archive
              --help                this text

            Configuration, highest first: a flag (the key in lower case with dashes: --port=8001), the environment,
            ./.env, ./config/application.properties, the built-in default [in brackets].
            """ + Settings.help();
}
