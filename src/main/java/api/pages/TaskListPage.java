package api.pages;

import api.auth.Session;
import api.todos.Todo;
import java.time.LocalDate;
import java.util.List;

/** {@code tasks/list.jte}: one page of the open or the completed tasks. */
public record TaskListPage(
        Session session, List<Todo> tasks, boolean completed, LocalDate today, int page, int pages, int total) {}
