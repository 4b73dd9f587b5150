package api.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Layered key lookup (the first layer that has a non-blank value wins, then the declared default), read by each
 * setting's {@link Kind}, that collects problems instead of stopping at the first, so an operator can fix every bad
 * key in one pass.
 */
final class Vars {
    private final List<Map<String, String>> layers;
    private final List<String> problems = new ArrayList<>();

    @SafeVarargs
    Vars(Map<String, String>... highestFirst) {
        this.layers = Arrays.asList(highestFirst);
    }

    /** The value, or empty when no layer sets it and it has no default; a bad value is a problem, and empty. */
    <T> Optional<T> optional(Setting<T> setting) {
        return text(setting).flatMap(text -> {
            try {
                return Optional.of(setting.kind().parse(text));
            } catch (IllegalArgumentException e) {
                problems.add(setting.key() + " " + e.getMessage());
                return Optional.empty();
            }
        });
    }

    /** The value; a bad or missing one is a problem, and the declared default stands in for it meanwhile. */
    <T> T get(Setting<T> setting) {
        if (text(setting).isEmpty()) {
            problems.add(setting.key() + " is required");
        }
        return optional(setting)
                .orElseGet(() ->
                        setting.defaultValue().isEmpty() ? null : setting.kind().parse(setting.defaultValue()));
    }

    /** Whether a layer holds a value for it, the default aside. */
    boolean isSet(Setting<?> setting) {
        return layers.stream().map(layer -> layer.get(setting.key())).anyMatch(v -> v != null && !v.isBlank());
    }

    private Optional<String> text(Setting<?> setting) {
        for (Map<String, String> layer : layers) {
            String value = layer.get(setting.key());
            if (value != null && !value.isBlank()) {
                return Optional.of(value.strip());
            }
        }
        return setting.defaultValue().isEmpty() ? Optional.empty() : Optional.of(setting.defaultValue());
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
