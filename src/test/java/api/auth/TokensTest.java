package api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TokensTest {
    private static final String SECRET = "a-secret-of-enough-length-for-hs256-signing";
    private final Tokens tokens = new Tokens(SECRET, Duration.ofMinutes(30));

    @Test
    void an_issued_token_gives_back_its_user_id() {
        assertEquals(OptionalLong.of(42), tokens.userId(tokens.issue(42)));
    }

    @Test
    void an_issued_token_carries_user_id_and_exp_signed_with_hs256() {
        var decoded = JWT.decode(tokens.issue(7));
        assertEquals("HS256", decoded.getAlgorithm());
        assertEquals(7L, decoded.getClaim("user_id").asLong());
        long minutes =
                Duration.between(Instant.now(), decoded.getExpiresAtAsInstant()).toMinutes();
        assertTrue(minutes >= 29 && minutes <= 30, "expires in " + minutes + " min");
    }

    @Test
    void a_user_id_that_is_not_a_whole_number_is_refused_even_when_signed() {
        String token = JWT.create()
                .withClaim("user_id", 1.5)
                .withExpiresAt(Instant.now().plusSeconds(600))
                .sign(Algorithm.HMAC256(SECRET));
        assertTrue(tokens.userId(token).isEmpty());
    }

    @Test
    void an_expired_token_is_refused() {
        var past = new Tokens(
                SECRET, Duration.ofMinutes(30), Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC));
        assertTrue(tokens.userId(past.issue(1)).isEmpty());
    }

    @Test
    void a_token_that_verified_before_is_refused_once_it_expires() {
        var clock = new MutableClock(Instant.now());
        var ticking = new Tokens(SECRET, Duration.ofMinutes(30), clock);
        String token = ticking.issue(5);
        assertEquals(OptionalLong.of(5), ticking.userId(token));

        clock.now = clock.now.plus(Duration.ofMinutes(31));

        assertTrue(ticking.userId(token).isEmpty());
    }

    @Test
    void a_changed_copy_of_a_verified_token_is_still_refused() {
        String token = tokens.issue(1);
        tokens.userId(token);
        String[] parts = token.split("\\.");

        assertTrue(tokens.userId(parts[0] + "."
                        + base64("{\"user_id\":2,\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}") + "."
                        + parts[2])
                .isEmpty());
        assertTrue(tokens.userId(token + "x").isEmpty());
    }

    @Test
    void a_token_signed_with_another_key_is_refused() {
        var other = new Tokens("another-secret-of-enough-length-for-hs256", Duration.ofMinutes(30));
        assertTrue(tokens.userId(other.issue(1)).isEmpty());
    }

    @Test
    void a_token_whose_payload_was_changed_is_refused() {
        String[] parts = tokens.issue(1).split("\\.");
        String forged = base64("{\"user_id\":2,\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}");
        assertTrue(tokens.userId(parts[0] + "." + forged + "." + parts[2]).isEmpty());
    }

    @Test
    void an_unsigned_alg_none_token_is_refused() {
        String unsigned = JWT.create()
                .withClaim("user_id", 1L)
                .withExpiresAt(Instant.now().plusSeconds(600))
                .sign(Algorithm.none());
        assertTrue(tokens.userId(unsigned).isEmpty());
    }

    @Test
    void a_token_without_user_id_is_refused() {
        String token =
                JWT.create().withExpiresAt(Instant.now().plusSeconds(600)).sign(Algorithm.HMAC256(SECRET));
        assertTrue(tokens.userId(token).isEmpty());
    }

    @Test
    void a_token_without_expiry_is_refused() {
        String token = JWT.create().withClaim("user_id", 1L).sign(Algorithm.HMAC256(SECRET));
        assertTrue(tokens.userId(token).isEmpty());
    }

    @Test
    void garbage_is_refused() {
        assertTrue(tokens.userId("not.a.jwt").isEmpty());
        assertTrue(tokens.userId("").isEmpty());
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
