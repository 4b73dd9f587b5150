package api.pages;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the task templates show a priority and a time. */
public final class TaskView {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private TaskView() {}

    /** Bootstrap badge colours from the highest (1) to the lowest (5) priority. */
    public static String badgeClass(int priority) {
        return switch (priority) {
            case 1 -> "text-bg-danger";
            case 2 -> "text-bg-warning";
            case 3 -> "text-bg-primary";
            case 4 -> "text-bg-info";
            default -> "text-bg-secondary";
        };
    }

    public static String formatTime(Instant time) {
        return time == null ? "" : TIME.format(time);
    }
}
