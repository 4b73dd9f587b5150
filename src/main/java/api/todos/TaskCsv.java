package api.todos;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The open and the completed tasks as CSV downloads (RFC 4180), for spreadsheet programs. */
public final class TaskCsv {
    /** Excel reads a BOM-less CSV in the local code page, which garbles Japanese. */
    static final String BOM = "\uFEFF";
    static final String HEADER = "id,title,description,priority,due_date,created_at,completed_at";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final TodoDao todos;

    public TaskCsv(TodoDao todos) {
        this.todos = todos;
    }

    public void open(Context ctx) {
        download(ctx, "todo", todos.board(false));
    }

    public void completed(Context ctx) {
        download(ctx, "completed", todos.board(true));
    }

    private static void download(Context ctx, String name, List<Todo> tasks) {
        String filename = name + "-" + LocalDate.now(ZoneOffset.UTC) + ".csv";
        ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .result(render(tasks));
    }

    static String render(List<Todo> tasks) {
        StringBuilder csv = new StringBuilder(BOM).append(HEADER).append("\r\n");
        for (Todo t : tasks) {
            csv.append(field(String.valueOf(t.id()))).append(',')
                    .append(field(t.title())).append(',')
                    .append(field(t.memo())).append(',')
                    .append(field(t.priorityName())).append(',')
                    .append(field(t.dueDate() == null ? "" : t.dueDate().toString())).append(',')
                    .append(field(TIME.format(t.createdAt()))).append(',')
                    .append(field(t.completedAt() == null ? "" : TIME.format(t.completedAt())))
                    .append("\r\n");
        }
        return csv.toString();
    }

    /**
     * Every cell quoted (RFC 4180, its quotes doubled), so no cell's text can end it early. A cell whose first
     * character, past any leading spaces, is =, +, -, @, a tab or a CR would run as a formula in a spreadsheet
     * (which skips the spaces too): it starts with an apostrophe instead.
     */
    static String field(String raw) {
        String trimmed = raw.stripLeading();
        boolean formula = !raw.isEmpty() && ("\t\r".indexOf(raw.charAt(0)) >= 0
                || !trimmed.isEmpty() && "=+-@\t\r".indexOf(trimmed.charAt(0)) >= 0);
        String value = formula ? "'" + raw : raw;
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
