package api.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** When a refused login waits, and for what: the order of events each test names is the race it covers. */
class ChecksInProgressTest {
    private final ChecksInProgress checks = new ChecksInProgress();

    @Test
    void a_refusal_with_no_check_on_the_full_counter_is_final_at_once() {
        var refused = checks.start(List.of("network", "account"));

        assertEquals(Boolean.FALSE, checks.refused(refused, "account").getNow(null));
    }

    @Test
    void a_refusal_waits_for_a_check_holding_the_full_counter_and_tries_again_when_it_gives_its_place_back() {
        var holder = checks.start(List.of("network", "account"));
        var refused = checks.start(List.of("network", "account"));
        CompletableFuture<Boolean> tryAgain = checks.refused(refused, "account");

        assertFalse(tryAgain.isDone());
        checks.end(holder, true);

        assertEquals(Boolean.TRUE, tryAgain.getNow(null));
    }

    @Test
    void a_refusal_is_final_once_every_check_it_waited_for_kept_its_place() {
        var first = checks.start(List.of("account"));
        var second = checks.start(List.of("account"));
        var refused = checks.start(List.of("account"));
        CompletableFuture<Boolean> tryAgain = checks.refused(refused, "account");

        checks.end(first, false);
        assertFalse(tryAgain.isDone());
        checks.end(second, false);

        assertEquals(Boolean.FALSE, tryAgain.getNow(null));
    }

    @Test
    void a_place_given_back_while_the_refused_login_was_reserving_means_try_again_at_once() {
        var holder = checks.start(List.of("account"));
        var refused = checks.start(List.of("account"));
        checks.end(holder, true);

        assertEquals(Boolean.TRUE, checks.refused(refused, "account").getNow(null));
    }

    @Test
    void checks_on_other_counters_are_not_waited_for() {
        var elsewhere = checks.start(List.of("other-account"));
        var refused = checks.start(List.of("account"));

        assertEquals(Boolean.FALSE, checks.refused(refused, "account").getNow(null));
        checks.end(elsewhere, false);
    }

    @Test
    void a_refused_check_is_no_longer_waited_for() {
        var firstRefused = checks.start(List.of("account"));
        checks.refused(firstRefused, "account");
        var refused = checks.start(List.of("account"));

        assertEquals(Boolean.FALSE, checks.refused(refused, "account").getNow(null));
    }
}
