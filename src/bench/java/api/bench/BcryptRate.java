package api.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mindrot.jbcrypt.BCrypt;

/**
 * The ceiling over {@code POST /login}: bcrypt verifications per second on this machine, with nothing else around
 * them. {@code scripts/bench} reports the login route as a share of it.
 *
 * <p>Usage: {@code BcryptRate COST THREADS SECONDS}; prints {@code verifications_per_second} on one line.
 */
public final class BcryptRate {
    private static final String PASSWORD = "password123";

    public static void main(String[] args) throws InterruptedException {
        int cost = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        long millis = Long.parseLong(args[2]) * 1000;
        String hash = BCrypt.hashpw(PASSWORD, BCrypt.gensalt(cost)); // jBCrypt writes the $2a$ form
        for (int i = 0; i < 2; i++) {
            check(hash); // warm-up: the inner loop compiled before timing starts
        }
        System.out.printf("%.2f%n", run(hash, threads, millis));
    }

    /**
     * Each thread's rate is its completed checks over the time to its last completion, so the few checks that are
     * cut off by the deadline (a check takes a quarter of a second at cost 12) do not bias the figure low.
     */
    static double run(String hash, int threads, long millis) throws InterruptedException {
        var stop = new AtomicBoolean();
        long began = System.nanoTime();
        long[] counts = new long[threads];
        long[] lastDone = new long[threads];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int slot = t;
            Thread worker = new Thread(() -> {
                while (!stop.get()) {
                    check(hash);
                    counts[slot]++;
                    lastDone[slot] = System.nanoTime();
                }
            });
            worker.start();
            workers.add(worker);
        }
        Thread.sleep(millis);
        stop.set(true);
        double rate = 0;
        for (int t = 0; t < threads; t++) {
            workers.get(t).join();
            if (counts[t] > 0) {
                rate += counts[t] / ((lastDone[t] - began) / 1e9);
            }
        }
        return rate;
    }

    private static void check(String hash) {
        if (!BCrypt.checkpw(PASSWORD, hash)) {
            throw new IllegalStateException("bcrypt refused its own hash");
        }
    }
}
