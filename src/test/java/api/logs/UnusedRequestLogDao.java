package api.logs;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A request-log DAO whose every method refuses; a test's fake overrides the ones its subject calls. */
abstract class UnusedRequestLogDao implements RequestLogDao {
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
}
