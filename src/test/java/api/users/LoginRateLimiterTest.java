package api.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginRateLimiterTest {
    private final MutableClock clock = new MutableClock();
    private final LoginRateLimiter limiter = new LoginRateLimiter(3, Duration.ofMinutes(5), clock);

    @Test
    void failures_below_the_limit_do_not_block() {
        fail("10.0.0.1", "a@example.com", 2);
        assertTrue(limiter.retryAfter("10.0.0.1", "a@example.com").isEmpty());
    }

    @Test
    void reaching_the_limit_blocks_until_the_oldest_failure_leaves_the_window() {
        fail("10.0.0.1", "a@example.com", 1);
        clock.advance(Duration.ofMinutes(1));
        fail("10.0.0.1", "a@example.com", 2);
        assertEquals(Optional.of(Duration.ofMinutes(4)), limiter.retryAfter("10.0.0.1", "a@example.com"));
        clock.advance(Duration.ofMinutes(4));
        assertTrue(limiter.retryAfter("10.0.0.1", "a@example.com").isEmpty());
    }

    @Test
    void an_address_guessing_many_accounts_is_blocked_for_every_account() {
        fail("10.0.0.1", "a@example.com", 1);
        fail("10.0.0.1", "b@example.com", 1);
        fail("10.0.0.1", "c@example.com", 1);
        assertTrue(limiter.retryAfter("10.0.0.1", "d@example.com").isPresent());
        assertTrue(limiter.retryAfter("10.0.0.2", "d@example.com").isEmpty());
    }

    @Test
    void an_account_guessed_from_many_addresses_is_blocked_from_every_address() {
        fail("10.0.0.1", "a@example.com", 1);
        fail("10.0.0.2", "A@example.com", 1);
        fail("10.0.0.3", "a@example.com", 1);
        assertTrue(limiter.retryAfter("10.0.0.4", "a@example.com").isPresent());
    }

    @Test
    void a_success_clears_the_account_but_not_the_address() {
        fail("10.0.0.1", "a@example.com", 3);
        limiter.recordSuccess("a@example.com");
        assertTrue(limiter.retryAfter("10.0.0.2", "a@example.com").isEmpty());
        assertTrue(limiter.retryAfter("10.0.0.1", "b@example.com").isPresent());
    }

    private void fail(String address, String account, int times) {
        for (int i = 0; i < times; i++) {
            limiter.recordFailure(address, account);
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2024-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
