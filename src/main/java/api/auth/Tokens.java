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
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HS256 JWTs carrying {@code user_id} and {@code exp}, as the original app issued them. Exact, already verified token
 * strings are remembered until they expire, since clients resend the same token on every request.
 */
public final class Tokens {
    static final int MAX_REMEMBERED = 10_000;

    private final String secretKey;
    private volatile Signing signing;
    private final Duration lifetime;
    private final Clock clock;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(long userId, Instant expiresAt) {}

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
        return JWT.create()
                .withClaim("user_id", userId)
                .withExpiresAt(clock.instant().plus(lifetime))
                .sign(signing().algorithm());
    }

    public OptionalLong userId(String token) {
        Verified known = verified.get(token);
        if (known != null) {
            if (clock.instant().isBefore(known.expiresAt())) {
                return OptionalLong.of(known.userId());
            }
            verified.remove(token);
            return OptionalLong.empty();
        }
        try {
            DecodedJWT jwt = signing().verifier().verify(token);
            Claim userId = jwt.getClaim("user_id");
            Long id = userId.asLong();
            Double exact = userId.asDouble();
            // asLong truncates: a user_id of 1.5 would otherwise stand for user 1
            if (id == null || exact == null || exact != id.doubleValue()) {
                return OptionalLong.empty();
            }
            if (verified.size() >= MAX_REMEMBERED) {
                verified.clear();
            }
            verified.put(token, new Verified(id, jwt.getExpiresAtAsInstant()));
            return OptionalLong.of(id);
        } catch (JWTVerificationException e) {
            return OptionalLong.empty();
        }
    }
}
