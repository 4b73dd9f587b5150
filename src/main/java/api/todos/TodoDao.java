package api.todos;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * Every query is scoped to its owner (another user's task is as absent as a missing one) and skips disabled tasks.
 * Open or completed is asked as {@code completed_at IS NULL} or {@code IS NOT NULL} under the flag, never as an
 * expression compared with it: MariaDB then reads only that part of the owner's index instead of every task the
 * owner ever had.
 */
@RegisterConstructorMapper(Todo.class)
@RegisterConstructorMapper(Priority.class)
public interface TodoDao {
    String INSERT_TODO = """
        INSERT INTO tasks (title, description, priority_id, due_date, created_at, updated_at, completed_at, owner_id)
        VALUES (:title, :memo, :priority, :dueDate, :now, :now, CASE WHEN :completed THEN :now END, :owner)
        """;

    @SqlQuery("""
        SELECT t.id, t.title, t.description AS memo, t.priority_id AS priority, p.priority AS priority_name,
               t.completed_at IS NOT NULL AS completed, t.due_date, t.created_at, t.updated_at, t.completed_at
        FROM tasks t JOIN priorities p ON p.id = t.priority_id
        WHERE t.id = :id AND t.owner_id = :owner AND t.is_disabled = FALSE
        """)
    Optional<Todo> find(long id, long owner);

    /**
     * {@code completed} filters only when {@code all} is false. Ids are paged first so MariaDB walks the owner's index
     * instead of sorting every task.
     */
    @SqlQuery("""
        SELECT t.id, t.title, t.description AS memo, t.priority_id AS priority, p.priority AS priority_name,
               t.completed_at IS NOT NULL AS completed, t.due_date, t.created_at, t.updated_at, t.completed_at
        FROM (SELECT id FROM tasks
              WHERE owner_id = :owner AND is_disabled = FALSE
                AND (:all OR (:completed AND completed_at IS NOT NULL) OR (NOT :completed AND completed_at IS NULL))
              ORDER BY id
              LIMIT :limit OFFSET :offset) page
        JOIN tasks t ON t.id = page.id
        JOIN priorities p ON p.id = t.priority_id
        ORDER BY t.id
        """)
    List<Todo> list(long owner, boolean all, boolean completed, int limit, int offset);

    @SqlQuery("""
        SELECT t.id, t.title, t.description AS memo, t.priority_id AS priority, p.priority AS priority_name,
               t.completed_at IS NOT NULL AS completed, t.due_date, t.created_at, t.updated_at, t.completed_at
        FROM tasks t JOIN priorities p ON p.id = t.priority_id
        WHERE t.owner_id = :owner AND t.is_disabled = FALSE
          AND ((:completed AND t.completed_at IS NOT NULL) OR (NOT :completed AND t.completed_at IS NULL))
        ORDER BY t.priority_id, CASE WHEN t.due_date IS NULL THEN 1 ELSE 0 END, t.due_date, t.id
        LIMIT :limit OFFSET :offset
        """)
    List<Todo> board(long owner, boolean completed, int limit, int offset);

    @SqlQuery("""
        SELECT COUNT(*) FROM tasks
        WHERE owner_id = :owner AND is_disabled = FALSE
          AND ((:completed AND completed_at IS NOT NULL) OR (NOT :completed AND completed_at IS NULL))
        """)
    int count(long owner, boolean completed);

    /** Keyset paging, so a download reads the list in short queries and holds no connection between them. */
    @SqlQuery("""
        SELECT t.id, t.title, t.description AS memo, t.priority_id AS priority, p.priority AS priority_name,
               t.completed_at IS NOT NULL AS completed, t.due_date, t.created_at, t.updated_at, t.completed_at
        FROM tasks t JOIN priorities p ON p.id = t.priority_id
        WHERE t.owner_id = :owner AND t.is_disabled = FALSE
          AND ((:completed AND t.completed_at IS NOT NULL) OR (NOT :completed AND t.completed_at IS NULL))
          AND (t.priority_id, CASE WHEN t.due_date IS NULL THEN 1 ELSE 0 END, COALESCE(t.due_date, DATE '1970-01-01'), t.id)
              > (:after.priority, :after.undated, :after.dueDate, :after.id)
        ORDER BY t.priority_id, CASE WHEN t.due_date IS NULL THEN 1 ELSE 0 END, t.due_date, t.id
        LIMIT :limit
        """)
    List<Todo> boardAfter(long owner, boolean completed, @BindMethods("after") BoardKey after, int limit);

    @SqlQuery("SELECT id, priority FROM priorities ORDER BY id")
    List<Priority> priorities();

    @SqlUpdate(INSERT_TODO)
    @GetGeneratedKeys("id")
    long insert(@BindMethods NewTodo todo, long owner, Instant now);

    @SqlBatch(INSERT_TODO)
    void insertAll(@BindMethods List<NewTodo> todos, long owner, Instant now);

    /** Gives every live task without an owner to {@code owner}; returns how many. */
    @SqlUpdate("UPDATE tasks SET owner_id = :owner WHERE owner_id IS NULL AND is_disabled = FALSE")
    int assignUnowned(long owner);

    /** Locks the row so two partial updates of different fields cannot undo each other. */
    @SqlQuery("SELECT id FROM tasks WHERE id = :id AND owner_id = :owner AND is_disabled = FALSE FOR UPDATE")
    Optional<Long> lock(long id, long owner);

    /** Only after {@link #lock}, which checked the owner in the same transaction. */
    @SqlUpdate("""
        UPDATE tasks
        SET title = :title, description = :memo, priority_id = :priority, due_date = :dueDate,
            completed_at = :completedAt, updated_at = :updatedAt
        WHERE id = :id AND is_disabled = FALSE
        """)
    int write(@BindMethods Todo todo);

    /** Only after {@link #lock}, which checked the owner in the same transaction. */
    @SqlUpdate("UPDATE tasks SET is_disabled = TRUE, updated_at = :now WHERE id = :id AND is_disabled = FALSE")
    int disable(long id, Instant now);

    @Transaction
    default Todo create(NewTodo todo, long owner) {
        return find(insert(todo, owner, now()), owner).orElseThrow();
    }

    @Transaction
    default int importAll(List<NewTodo> todos, long owner) {
        insertAll(todos, owner, now());
        return todos.size();
    }

    @Transaction
    default Optional<Todo> update(long id, long owner, TodoUpdate update) {
        if (lock(id, owner).isEmpty()) {
            return Optional.empty();
        }
        write(update.applyTo(find(id, owner).orElseThrow(), now()));
        return find(id, owner);
    }

    /** Returns the task as it was before it was disabled. */
    @Transaction
    default Optional<Todo> delete(long id, long owner) {
        Optional<Todo> before = lock(id, owner).flatMap(locked -> find(id, owner));
        before.ifPresent(todo -> disable(id, now()));
        return before;
    }

    /** Truncated to the columns' microseconds so the returned row equals the stored one. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
