package api.auth;

import java.time.Instant;

/**
 * What a token's check needs to know of its user: whether an operator disabled the account, and from when its tokens
 * count ({@code null}: every token it was ever issued).
 */
public record AccountStatus(boolean disabled, Instant tokensValidAfter) {

    /** A token issued at {@code issuedAt} is one of the account's current ones. */
    public boolean accepts(Instant issuedAt) {
        return tokensValidAfter == null || !issuedAt.isBefore(tokensValidAfter);
    }
}
