package api.logs;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;

/** A request-log DAO whose every method refuses; a test's fake overrides the ones its subject calls. */
abstract class UnusedRequestLogDao implements RequestLogDao {
    @Override
    public void store(List<StoredLog> rows) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<StoredLog> newest(int limit, int offset) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<StoredLog> oldest() {
        throw new UnsupportedOperationException();
    }

    @Override
    public int deleteOlderThan(Instant cutoff, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int deleteBefore(String firstKept, Instant cutoff, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Handle getHandle() {
        throw new UnsupportedOperationException();
    }

    @Override
    public <R, X extends Exception> R withHandle(HandleCallback<R, X> callback) {
        throw new UnsupportedOperationException();
    }
}
