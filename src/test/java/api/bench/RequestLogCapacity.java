package api.bench;

import api.config.DbSettings;
import api.db.Database;
import api.logs.RequestLog;
import api.logs.RequestLogDao;
import api.logs.RequestLogWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The request-log writer's capacity: how many records per second it stores on a real database when it never
 * runs out of work. A producer keeps the queue topped up (without spinning: the writer and the database need
 * the cores), and the rate is read from the writer's own count of stored records.
 *
 * <p>Usage: {@code RequestLogCapacity JDBC_URL USER SECONDS BATCH_SIZE}; prints {@code records_per_second}.
 * The database must already be migrated (scripts/bench runs it after the app has started on it).
 */
public final class RequestLogCapacity {
    private static final int QUEUE = 50_000;

    public static void main(String[] args) throws Exception {
        var settings = new DbSettings(args[0], args[1], "", false);
        Duration length = Duration.ofSeconds(Long.parseLong(args[2]));
        int batchSize = Integer.parseInt(args[3]);
        try (var db = Database.connect(settings, 2, Duration.ofSeconds(2), Duration.ofSeconds(10))) {
            var writer = new RequestLogWriter(db.jdbi().onDemand(RequestLogDao.class), QUEUE, batchSize,
                    Duration.ofSeconds(30)).start();
            var stop = new AtomicBoolean();
            Thread producer = new Thread(() -> keepTopped(writer, stop), "producer");
            producer.start();
            Thread.sleep(3_000); // warm-up
            long before = writer.written();
            long began = System.nanoTime();
            Thread.sleep(length.toMillis());
            long stored = writer.written() - before;
            double seconds = (System.nanoTime() - began) / 1e9;
            stop.set(true);
            producer.join();
            writer.flushAndStop();
            System.out.printf("%.0f%n", stored / seconds);
        }
    }

    private static void keepTopped(RequestLogWriter writer, AtomicBoolean stop) {
        long n = 0;
        while (!stop.get()) {
            while (writer.queueDepth() < QUEUE / 2) {
                writer.submit(sample(n++));
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static RequestLog sample(long n) {
        return new RequestLog(UUID.randomUUID().toString(), "GET", "/posts/" + (n % 10_000), "/posts/{id}", null,
                200, 1.234, "127.0.0.1", "wrk/4.1.0", n % 1_000 + 1, Instant.now());
    }
}
