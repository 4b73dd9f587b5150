package api.web;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.Claim;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;

/** Access tokens: HS256 JWTs carrying {@code user_id} and {@code exp}, as the original app issued them. */
public final class Tokens {
    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final Duration lifetime;
    private final Clock clock;

    public Tokens(String secretKey, Duration lifetime) {
        this(secretKey, lifetime, Clock.systemUTC());
    }

    Tokens(String secretKey, Duration lifetime, Clock clock) {
        this.algorithm = Algorithm.HMAC256(secretKey);
        // Requiring HS256 rejects "alg: none" and any other algorithm a forger might name in the header.
        this.verifier = JWT.require(algorithm).withClaimPresence("exp").withClaimPresence("user_id").build();
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public String issue(long userId) {
        return JWT.create()
                .withClaim("user_id", userId)
                .withExpiresAt(clock.instant().plus(lifetime))
                .sign(algorithm);
    }

    /** The user id of a valid, unexpired token; empty for anything else. */
    public OptionalLong userId(String token) {
        try {
            Claim userId = verifier.verify(token).getClaim("user_id");
            Long id = userId.asLong();
            Double exact = userId.asDouble();
            // asLong truncates: a user_id of 1.5 would otherwise stand for user 1
            return id == null || exact == null || exact != id.doubleValue() ? OptionalLong.empty() : OptionalLong.of(id);
        } catch (JWTVerificationException e) {
            return OptionalLong.empty();
        }
    }
}
