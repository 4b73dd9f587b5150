package api.cli;

import api.config.ConfigException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Splits arguments into the command words ({@code db downgrade 1}), config flags and command options.
 * {@code --port=8001} and {@code --port 8001} both set {@code PORT}; {@code --database-url} sets {@code DATABASE_URL}.
 * {@code --owner EMAIL} is an option of the {@code todos} commands, not a configuration key.
 */
public record CommandLine(List<String> words, Map<String, String> flags, Map<String, String> options, boolean help) {
    private static final Set<String> COMMAND_OPTIONS = Set.of("owner");

    public static CommandLine parse(String[] args) {
        List<String> words = new ArrayList<>();
        Map<String, String> flags = new LinkedHashMap<>();
        Map<String, String> options = new LinkedHashMap<>();
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h") || arg.equals("help")) {
                help = true;
            } else if (arg.startsWith("--")) {
                String flag = arg.substring(2);
                int eq = flag.indexOf('=');
                String value;
                if (eq >= 0) {
                    value = flag.substring(eq + 1);
                    flag = flag.substring(0, eq);
                } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    value = args[++i];
                } else {
                    throw new ConfigException("flag --" + flag + " needs a value (--" + flag + "=VALUE)");
                }
                if (COMMAND_OPTIONS.contains(flag)) {
                    options.put(flag, value);
                } else {
                    flags.put(flag.replace('-', '_').toUpperCase(Locale.ROOT), value);
                }
            } else {
                words.add(arg);
            }
        }
        return new CommandLine(List.copyOf(words), Map.copyOf(flags), Map.copyOf(options), help);
    }

    /** A command option's value, or null when it was not given. */
    public String option(String name) {
        return options.get(name);
    }
}
