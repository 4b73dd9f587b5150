package api.todos;

/** A priority level: 1 is the highest; the name holds the Japanese and the English label. */
public record Priority(int id, String priority) {}
