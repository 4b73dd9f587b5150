package api.users;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The logins of this instance taking or holding places on the failed-login counters, recorded before they reserve so
 * that a login refused only because of checks still running sees them, and waits for them instead of answering 429.
 */
final class ChecksInProgress {
    private final Map<String, Set<Check>> byCounter = new HashMap<>();
    private long placesGivenBack;

    /** One login from before it reserves until its check is over; {@code over} tells whether it gave places back. */
    static final class Check {
        private final List<String> keys;
        private final long givenBackBefore;
        private final CompletableFuture<Boolean> over = new CompletableFuture<>();

        private Check(List<String> keys, long givenBackBefore) {
            this.keys = keys;
            this.givenBackBefore = givenBackBefore;
        }
    }

    synchronized Check start(List<String> keys) {
        var check = new Check(List.copyOf(keys), placesGivenBack);
        for (String key : check.keys) {
            byCounter.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(check);
        }
        return check;
    }

    /** The check is over; {@code gaveBack} when its places are free again (a right password, or none checked). */
    void end(Check check, boolean gaveBack) {
        synchronized (this) {
            forget(check);
            if (gaveBack) {
                placesGivenBack++;
            }
        }
        check.over.complete(gaveBack);
    }

    /**
     * The check got no place because {@code full} was full. Completes true as soon as one of the checks that may hold
     * a place on it gives its places back (at once if one did while this one reserved), false when they all kept
     * theirs or there are none.
     */
    CompletableFuture<Boolean> refused(Check check, String full) {
        List<Check> holders;
        boolean givenBackMeanwhile;
        synchronized (this) {
            forget(check);
            givenBackMeanwhile = placesGivenBack != check.givenBackBefore;
            holders = new ArrayList<>(byCounter.getOrDefault(full, Set.of()));
        }
        check.over.complete(false);
        if (givenBackMeanwhile || holders.isEmpty()) {
            return CompletableFuture.completedFuture(givenBackMeanwhile);
        }
        return anyGivesBack(holders);
    }

    private static CompletableFuture<Boolean> anyGivesBack(List<Check> holders) {
        var result = new CompletableFuture<Boolean>();
        var left = new AtomicInteger(holders.size());
        for (Check holder : holders) {
            holder.over.thenAccept(gaveBack -> {
                if (gaveBack) {
                    result.complete(true);
                } else if (left.decrementAndGet() == 0) {
                    result.complete(false);
                }
            });
        }
        return result;
    }

    private void forget(Check check) {
        for (String key : check.keys) {
            Set<Check> checks = byCounter.get(key);
            if (checks != null && checks.remove(check) && checks.isEmpty()) {
                byCounter.remove(key);
            }
        }
    }
}
