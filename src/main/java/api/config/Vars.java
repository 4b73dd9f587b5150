package api.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Layered key lookup (first layer that has a non-blank value wins) that collects problems
 * instead of stopping at the first, so an operator can fix every bad key in one pass.
 */
final class Vars {
    private final List<Map<String, String>> layers;
    private final List<String> problems = new ArrayList<>();

    @SafeVarargs
    Vars(Map<String, String>... highestFirst) {
        this.layers = Arrays.asList(highestFirst);
    }

    Optional<String> optional(Setting setting) {
        for (Map<String, String> layer : layers) {
            String value = layer.get(setting.key());
            if (value != null && !value.isBlank()) {
                return Optional.of(value.strip());
            }
        }
        return Optional.empty();
    }

    String string(Setting setting) {
        return optional(setting).orElseGet(() -> {
            problems.add(setting.key() + " is required");
            return "";
        });
    }

    int integer(Setting setting) {
        String key = setting.key();
        Optional<String> value = optional(setting);
        if (value.isEmpty()) {
            problems.add(key + " is required");
            return setting.min();
        }
        try {
            int n = Integer.parseInt(value.get());
            if (n < setting.min() || n > setting.max()) {
                problems.add(key + " must be between " + setting.min() + " and " + setting.max() + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(key + " must be an integer, got '" + value.get() + "'");
            return setting.min();
        }
    }

    boolean bool(Setting setting) {
        String value = optional(setting).orElse("").toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off", "" -> false;
            default -> {
                problems.add(setting.key() + " must be true or false, got '" + value + "'");
                yield false;
            }
        };
    }

    List<String> list(Setting setting) {
        return optional(setting).stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    List<AddressRange> addressRanges(Setting setting) {
        try {
            return list(setting).stream().map(AddressRange::parse).toList();
        } catch (IllegalArgumentException e) {
            problems.add(setting.key() + " must be " + AddressRange.ACCEPTS + ": " + e.getMessage());
            return List.of();
        }
    }

    List<String> origins(Setting setting) {
        try {
            return Origins.check(list(setting));
        } catch (IllegalArgumentException e) {
            problems.add(setting.key() + " must be " + Origins.ACCEPTS + ": " + e.getMessage());
            return List.of();
        }
    }

    void problem(String message) {
        problems.add(message);
    }

    void failIfAnyProblems() {
        if (!problems.isEmpty()) {
            throw new ConfigException(String.join("; ", problems));
        }
    }
}
