package api.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits arguments into the command words ({@code db downgrade 1}) and config flags.
 * {@code --port=8001} and {@code --port 8001} both set {@code PORT}; {@code --database-url} sets {@code DATABASE_URL}.
 */
public record CommandLine(List<String> words, Map<String, String> flags, boolean help) {

    public static CommandLine parse(String[] args) {
        List<String> words = new ArrayList<>();
        Map<String, String> flags = new LinkedHashMap<>();
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
                flags.put(flag.replace('-', '_').toUpperCase(Locale.ROOT), value);
            } else {
                words.add(arg);
            }
        }
        return new CommandLine(List.copyOf(words), Map.copyOf(flags), help);
    }
}
