package api.logs;

import java.util.List;

/** Where {@link RequestLogWriter} puts its batches: all of a batch or, when it throws, none of it. */
@FunctionalInterface
public interface RequestLogStore {
    void store(List<StoredLog> rows);
}
