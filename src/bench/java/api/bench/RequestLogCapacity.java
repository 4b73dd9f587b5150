package api.bench;

import api.config.DbSettings;
import api.db.Database;
import api.logs.JdbcRequestLogStore;
import api.logs.RequestLog;
import api.logs.RequestLogWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The request-log writer's capacity: how many records per second it stores on a real database when it never
 * runs out of work. A producer keeps the queue topped up (without spinning: the writer and the database need
 * the cores), and the rate is read from the writer's own count of stored records.
 *
 * <p>Usage: {@code RequestLogCapacity JDBC_URL USER SECONDS BATCH_SIZE DB_PID}; prints
 * {@code records_per_second app_us_per_record db_us_per_record}: the rate, then the CPU this JVM (producer and
 * writer) and the database server's process (read from /proc) spent per stored record over the same window.
 * The database must already be migrated (scripts/bench runs it after the app has started on it).
 */
public final class RequestLogCapacity {
    private static final int QUEUE = 50_000;

    public static void main(String[] args) throws Exception {
        var settings = new DbSettings(args[0], args[1], "", false);
        Duration length = Duration.ofSeconds(Long.parseLong(args[2]));
        int batchSize = Integer.parseInt(args[3]);
        long dbPid = Long.parseLong(args[4]);
        var jvm = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (var db = Database.connect(settings, 2, Duration.ofSeconds(2), Duration.ofSeconds(10))) {
            var writer = new RequestLogWriter(
                            new JdbcRequestLogStore(db.jdbi()), QUEUE, batchSize, Duration.ofSeconds(30))
                    .start();
            var stop = new AtomicBoolean();
            Thread producer = new Thread(() -> keepTopped(writer, stop), "producer");
            producer.start();
            Thread.sleep(3_000); // warm-up
            long before = writer.written();
            long appCpuBefore = jvm.getProcessCpuTime();
            long dbCpuBefore = cpuNanos(dbPid);
            long began = System.nanoTime();
            Thread.sleep(length.toMillis());
            long stored = writer.written() - before;
            double seconds = (System.nanoTime() - began) / 1e9;
            double appUs = (jvm.getProcessCpuTime() - appCpuBefore) / 1e3 / stored;
            double dbUs = (cpuNanos(dbPid) - dbCpuBefore) / 1e3 / stored;
            stop.set(true);
            producer.join();
            writer.flushAndStop();
            System.out.printf(Locale.ROOT, "%.0f %.1f %.1f%n", stored / seconds, appUs, dbUs);
        }
    }

    /** User and system CPU of a process, from /proc/PID/stat (fields 14 and 15, in clock ticks of 10 ms). */
    private static long cpuNanos(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
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
        return new RequestLog(
                UUID.randomUUID().toString(),
                "GET",
                "/posts/" + (n % 10_000),
                "/posts/{id}",
                null,
                200,
                1.234,
                "127.0.0.1",
                "wrk/4.1.0",
                n % 1_000 + 1,
                Instant.now());
    }
}
