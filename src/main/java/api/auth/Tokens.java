package api.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HS256 JWTs carrying {@code user_id} and {@code exp}, as the original app issued them, and {@code iat_us}, the issue
 * time in microseconds (JWT's own {@code iat} has whole seconds, too coarse to tell a token issued just before a
 * password change from one just after). Exact, already verified token strings are remembered until they expire, since
 * clients resend the same token on every request.
 */
public final class Tokens {
    static final int MAX_REMEMBERED = 10_000;

    private final String secretKey;
    private volatile Signing signing;
    private final Duration lifetime;
    private final Clock clock;
    private final ConcurrentHashMap<String, Remembered> verified = new ConcurrentHashMap<>();

    /** A token's user and issue time; a token from before issue times were carried counts as issued at the epoch. */
    public record Verified(long userId, Instant issuedAt) {}

    private record Remembered(Verified verified, Instant expiresAt) {}

    private record Signing(Algorithm algorithm, JWTVerifier verifier) {}

    public Tokens(String secretKey, Duration lifetime) {
        this(secretKey, lifetime, Clock.systemUTC());
    }

    Tokens(String secretKey, Duration lifetime, Clock clock) {
        this.secretKey = secretKey;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** Made at first use: the JCA's HMAC and JSON parser are start-up work no health check needs. */
    private Signing signing() {
        Signing made = signing;
        if (made == null) {
            synchronized (this) {
                if (signing == null) {
                    Algorithm algorithm = Algorithm.HMAC256(secretKey);
                    // Requiring HS256 rejects "alg: none" and any other algorithm a forger might name in the header.
                    signing = new Signing(
                            algorithm,
                            ((JWTVerifier.BaseVerification) JWT.require(algorithm)
                                            .withClaimPresence("exp")
                                            .withClaimPresence("user_id"))
                                    .build(clock));
                }
                made = signing;
            }
        }
        return made;
    }

    public String issue(long userId) {
        return issue(userId, clock.instant());
    }

    /**
     * {@code issuedAt} is when the password was found right: a login that read a password an instant before it was
     * changed gets a token the change ends.
     */
    public String issue(long userId, Instant issuedAt) {
        return JWT.create()
                .withClaim("user_id", userId)
                .withClaim("iat_us", ChronoUnit.MICROS.between(Instant.EPOCH, issuedAt))
                .withExpiresAt(clock.instant().plus(lifetime))
                .sign(signing().algorithm());
    }

    /** Now on the tokens' clock, in their precision: where a change that ends every earlier token sets the line. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public OptionalLong userId(String token) {
        return verify(token).map(v -> OptionalLong.of(v.userId())).orElse(OptionalLong.empty());
    }

    public Optional<Verified> verify(String token) {
        Remembered known = verified.get(token);
        if (known != null) {
            if (clock.instant().isBefore(known.expiresAt())) {
                return Optional.of(known.verified());
            }
            verified.remove(token);
            return Optional.empty();
        }
        try {
            DecodedJWT jwt = signing().verifier().verify(token);
            Claim userId = jwt.getClaim("user_id");
            Long id = userId.asLong();
            Double exact = userId.asDouble();
            // asLong truncates: a user_id of 1.5 would otherwise stand for user 1
            if (id == null || exact == null || exact != id.doubleValue()) {
                return Optional.empty();
            }
            Long issuedUs = jwt.getClaim("iat_us").asLong();
            var found = new Verified(id, Instant.EPOCH.plus(issuedUs == null ? 0 : issuedUs, ChronoUnit.MICROS));
            if (verified.size() >= MAX_REMEMBERED) {
                verified.clear();
            }
            verified.put(token, new Remembered(found, jwt.getExpiresAtAsInstant()));
            return Optional.of(found);
        } catch (JWTVerificationException e) {
            return Optional.empty();
        }
    }
}
