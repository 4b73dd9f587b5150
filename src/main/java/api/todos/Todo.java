package api.todos;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.LocalDate;

/** A task as the API shows it: memo is the description, priority the level 1 (highest) to 5. */
public record Todo(
        long id,
        String title,
        String memo,
        int priority,
        @JsonIgnore String priorityName,
        boolean completed,
        LocalDate dueDate,
        Instant createdAt,
        Instant updatedAt,
        Instant completedAt) {

    public boolean overdue(LocalDate today) {
        return !completed && dueDate != null && dueDate.isBefore(today);
    }
}
