package api.cli;

import api.config.Settings;

/** The text of {@code --help}. */
public final class Help {
    private Help() {}

    public static final String TEXT = """
            Usage: java -jar api.jar [COMMAND] [--KEY=VALUE ...]

            Commands:
            """ + CommandTable.help() + """

            Configuration, highest first: a flag (the key in lower case with dashes: --port=8001), the environment,
            ./.env, ./config/application.properties, the built-in default [in brackets].
            """ + Settings.help();
}
