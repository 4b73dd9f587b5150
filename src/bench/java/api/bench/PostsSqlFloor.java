package api.bench;

import api.config.DbSettings;
import api.db.Database;
import api.db.Dialect;
import api.posts.PostDao;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The floor under {@code GET /posts?limit=10}: the same SQL through the same pool at the same concurrency, with no
 * HTTP, no auth and no JSON. {@code scripts/bench} runs it beside wrk and reports the API as a share of it.
 *
 * <p>Usage: {@code PostsSqlFloor JDBC_URL USER THREADS SECONDS POOL_SIZE}; prints
 * {@code queries_per_second p99_ms} on one line.
 */
public final class PostsSqlFloor {
    /** PostDao.list's statement with its named parameters (titlePattern, viewer, limit, skip) as JDBC placeholders. */
    static final String SQL = PostDao.pageSql(Dialect.MYSQL).replaceAll(":\\w+", "?");

    public static void main(String[] args) throws Exception {
        var settings = new DbSettings(args[0], args[1], "", false);
        int threads = Integer.parseInt(args[2]);
        Duration length = Duration.ofSeconds(Long.parseLong(args[3]));
        int poolSize = Integer.parseInt(args[4]);
        try (var db = Database.connect(settings, poolSize, Duration.ofSeconds(2), Duration.ofSeconds(10))) {
            run(db, threads, Duration.ofSeconds(2)); // warm-up: JIT, server-side statement cache
            Result result = run(db, threads, length);
            System.out.printf("%.0f %.2f%n", result.perSecond(), result.p99Millis());
        }
    }

    record Result(double perSecond, double p99Millis) {}

    static Result run(Database db, int threads, Duration length) throws InterruptedException {
        var stop = new AtomicBoolean();
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[threads];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int slot = t;
            long[] mine = new long[2_000_000];
            latencies.add(mine);
            Thread worker = new Thread(() -> {
                while (!stop.get()) {
                    long start = System.nanoTime();
                    queryOnce(db);
                    if (counts[slot] < mine.length) {
                        mine[counts[slot]] = System.nanoTime() - start;
                    }
                    counts[slot]++;
                }
            });
            worker.start();
            workers.add(worker);
        }
        long began = System.nanoTime();
        Thread.sleep(length.toMillis());
        stop.set(true);
        for (Thread w : workers) {
            w.join();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        long total = Arrays.stream(counts).asLongStream().sum();
        long[] all = new long[(int) Math.min(total, Integer.MAX_VALUE - 8)];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            int n = Math.min(counts[t], latencies.get(t).length);
            System.arraycopy(latencies.get(t), 0, all, at, n);
            at += n;
        }
        Arrays.sort(all, 0, at);
        return new Result(total / seconds, at == 0 ? 0 : all[(int) (at * 0.99)] / 1e6);
    }

    private static void queryOnce(Database db) {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement(SQL)) {
            s.setString(1, "%");
            s.setLong(2, 1);
            s.setInt(3, 10);
            s.setInt(4, 0);
            try (ResultSet rs = s.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        rs.getObject(i);
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
