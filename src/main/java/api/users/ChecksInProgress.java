package api.users;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The logins of this instance holding a place on a counter while their password is checked, so that a login refused
 * only because of them can wait for them to settle instead of answering 429.
 */
final class ChecksInProgress {
    private final Map<String, List<CompletableFuture<Void>>> byCounter = new HashMap<>();

    /** What a login got: a place, something to wait for before trying again, or a refusal. */
    sealed interface Taken permits Place, Wait, Refused {}

    /** {@code settled} completes when the check is over. */
    record Place(LoginFailures.Reservation reservation, CompletableFuture<Void> settled) implements Taken {}

    /** Completes when one of the checks holding the full counter has settled. */
    record Wait(CompletableFuture<Object> anySettled) implements Taken {}

    /** No check here holds the full counter: the failures that fill it are settled. */
    record Refused(LoginFailures.Reservation reservation) implements Taken {}

    /**
     * Reserves and records the holder under one lock, so that a refusal sees every check here that holds its full
     * counter.
     */
    synchronized Taken take(Supplier<LoginFailures.Reservation> reserve) {
        LoginFailures.Reservation reservation = reserve.get();
        if (reservation.refused()) {
            List<CompletableFuture<Void>> holders = byCounter.get(reservation.full());
            if (holders == null) {
                return new Refused(reservation);
            }
            return new Wait(CompletableFuture.anyOf(holders.toArray(CompletableFuture[]::new)));
        }
        var settled = new CompletableFuture<Void>();
        for (String key : reservation.keys()) {
            byCounter.computeIfAbsent(key, k -> new ArrayList<>()).add(settled);
        }
        return new Place(reservation, settled);
    }

    /** Once the check is over and a right password's place given back: those waiting try again on this thread. */
    void settle(Place place) {
        synchronized (this) {
            for (String key : place.reservation().keys()) {
                List<CompletableFuture<Void>> holders = byCounter.get(key);
                holders.remove(place.settled());
                if (holders.isEmpty()) {
                    byCounter.remove(key);
                }
            }
        }
        place.settled().complete(null);
    }
}
