package api.pages;

import api.auth.Session;
import api.todos.Priority;
import api.todos.Todo;
import java.util.List;

/** {@code tasks/form.jte}: a new task's form when {@code todo} is null, else the form of that task. */
public record TaskFormPage(Session session, TodoForm form, List<Priority> priorities, Todo todo) {}
