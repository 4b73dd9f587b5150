package api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConfirmedUsersTest {
    private static final AccountStatus ACTIVE = new AccountStatus(false, null);
    private final Set<Long> inDatabase = new HashSet<>(Set.of(1L, 2L));
    private final AtomicInteger queries = new AtomicInteger();
    private final AtomicLong now = new AtomicLong(1_000);

    private ConfirmedUsers withTtl(Duration ttl) {
        return new ConfirmedUsers(
                id -> {
                    queries.incrementAndGet();
                    return inDatabase.contains(id) ? Optional.of(ACTIVE) : Optional.empty();
                },
                ttl,
                now::get);
    }

    @Test
    void a_confirmed_user_is_not_looked_up_again_within_the_ttl() {
        var users = withTtl(Duration.ofSeconds(5));

        assertTrue(users.status(1).isPresent());
        now.addAndGet(Duration.ofSeconds(4).toNanos());
        assertTrue(users.status(1).isPresent());

        assertEquals(1, queries.get());
    }

    @Test
    void a_user_deleted_after_confirmation_is_refused_once_the_ttl_has_passed() {
        var users = withTtl(Duration.ofSeconds(5));
        users.status(1).isPresent();
        inDatabase.remove(1L);

        now.addAndGet(Duration.ofSeconds(5).toNanos());

        assertFalse(users.status(1).isPresent());
    }

    @Test
    void a_refusal_is_not_remembered() {
        var users = withTtl(Duration.ofSeconds(5));
        assertFalse(users.status(3).isPresent());

        inDatabase.add(3L);

        assertTrue(users.status(3).isPresent());
    }

    @Test
    void a_zero_ttl_asks_the_database_every_time() {
        var users = withTtl(Duration.ZERO);

        users.status(1).isPresent();
        users.status(1).isPresent();

        assertEquals(2, queries.get());
    }

    @Test
    void the_cache_starts_over_instead_of_growing_past_its_bound() {
        var users = new ConfirmedUsers(
                id -> {
                    queries.incrementAndGet();
                    return Optional.of(ACTIVE);
                },
                Duration.ofSeconds(5),
                now::get);
        for (long id = 0; id <= ConfirmedUsers.MAX_ENTRIES; id++) {
            users.status(id).isPresent();
        }
        queries.set(0);

        users.status(0).isPresent();

        assertEquals(1, queries.get());
    }

    @Test
    void a_forgotten_user_is_looked_up_again_at_once() {
        var users = withTtl(Duration.ofSeconds(5));
        users.status(1);

        users.forget(1);
        users.status(1);

        assertEquals(2, queries.get());
    }
}
