package api.web;

import java.util.Optional;

/**
 * Ids, limits and offsets, read the same way by every API and page: Java's own integer syntax. What a refusal says is
 * each contract's own ({@link FieldErrors} for the social API's 422, the ToDo API's 400 and 404).
 */
public final class Params {
    private Params() {}

    /** Empty when {@code text} is absent or not a whole number that fits an int. */
    public static Optional<Integer> asInt(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Empty when {@code text} is absent or not a whole number that fits a long. */
    public static Optional<Long> asLong(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
