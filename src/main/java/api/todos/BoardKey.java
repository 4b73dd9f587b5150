package api.todos;

import java.time.LocalDate;

/**
 * Where a task stands in the pages' order (priority, undated last, due date, id), so that a download can ask for the
 * tasks after it. An undated task's date is a fixed stand-in: within the undated ones only the id decides.
 */
public record BoardKey(int priority, int undated, LocalDate dueDate, long id) {
    static final LocalDate NO_DATE = LocalDate.of(1970, 1, 1);
    /** Before every task: priorities start at 1. */
    public static final BoardKey FIRST = new BoardKey(0, 0, NO_DATE, 0);

    public static BoardKey of(Todo todo) {
        return new BoardKey(
                todo.priority(),
                todo.dueDate() == null ? 1 : 0,
                todo.dueDate() == null ? NO_DATE : todo.dueDate(),
                todo.id());
    }
}
