package api.pages;

import api.todos.BoardKey;
import api.todos.Todo;
import api.todos.TodoDao;
import api.web.Caller;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** CSV downloads (RFC 4180), written chunk by chunk so a long list is never held in memory whole. */
public final class TodoCsv {
    /** Excel reads a BOM-less CSV in the local code page, which garbles Japanese. */
    static final String BOM = "\uFEFF";

    static final String HEADER = "id,title,description,priority,due_date,created_at,completed_at";
    static final int CHUNK = 500;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final TodoDao todos;

    public TodoCsv(TodoDao todos) {
        this.todos = todos;
    }

    public void open(Context ctx) throws IOException {
        download(ctx, "todo", false);
    }

    public void completed(Context ctx) throws IOException {
        download(ctx, "completed", true);
    }

    private void download(Context ctx, String name, boolean completed) throws IOException {
        long owner = Caller.session(ctx).userId();
        String filename = name + "-" + LocalDate.now(ZoneOffset.UTC) + ".csv";
        ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .header("Cache-Control", "no-store");
        // not closed: Javalin closes the response stream once the handler returns
        Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
        out.write(BOM + HEADER + "\r\n");
        BoardKey after = BoardKey.FIRST;
        List<Todo> rows;
        do {
            rows = todos.boardAfter(owner, completed, after, CHUNK);
            for (Todo t : rows) {
                out.write(row(t));
            }
            if (!rows.isEmpty()) {
                after = BoardKey.of(rows.get(rows.size() - 1));
            }
        } while (rows.size() == CHUNK);
        out.flush();
    }

    static String row(Todo t) {
        return field(String.valueOf(t.id())) + ','
                + field(t.title()) + ','
                + field(t.memo()) + ','
                + field(t.priorityName()) + ','
                + field(t.dueDate() == null ? "" : t.dueDate().toString()) + ','
                + field(TIME.format(t.createdAt())) + ','
                + field(t.completedAt() == null ? "" : TIME.format(t.completedAt()))
                + "\r\n";
    }

    /**
     * Every cell quoted, and one that a spreadsheet would run as a formula (=, +, -, @, tab or CR after leading spaces)
     * starts with an apostrophe.
     */
    static String field(String raw) {
        String trimmed = raw.stripLeading();
        boolean formula = !raw.isEmpty()
                && ("\t\r".indexOf(raw.charAt(0)) >= 0
                        || !trimmed.isEmpty() && "=+-@\t\r".indexOf(trimmed.charAt(0)) >= 0);
        String value = formula ? "'" + raw : raw;
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
