package api.users;

import api.auth.Sessions;
import api.db.HourlyCleanup;
import api.db.Sha256;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Password reset links: {@code PUBLIC_URL/tasks/reset?token=...}, one live link per user, usable once within
 * {@link #LIFETIME}. The table keeps only the SHA-256 of a token.
 */
public final class ResetLinks {
    public static final String PATH = "/tasks/reset?token=";
    public static final Duration LIFETIME = Duration.ofMinutes(30);
    private static final int DELETE_CHUNK = 5_000;

    private final PasswordResetDao dao;
    private final String publicUrl;
    private final Clock clock;

    /** {@code publicUrl} is empty when none is set, and then no link can be made. */
    public ResetLinks(PasswordResetDao dao, String publicUrl, Clock clock) {
        this.dao = dao;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** A new link for the user, replacing any earlier one; empty without a public URL to start it with. */
    public Optional<String> newLink(long userId) {
        if (publicUrl.isEmpty()) {
            return Optional.empty();
        }
        String token = Sessions.randomToken();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        dao.replace(userId, Sha256.hex(token), now.plus(LIFETIME));
        return Optional.of(publicUrl + PATH + token);
    }

    /** The user a live link's token names; empty for a malformed, unknown, used, replaced or expired one. */
    Optional<Long> userOf(String token) {
        if (!Sessions.isToken(token)) {
            return Optional.empty();
        }
        return dao.userOf(Sha256.hex(token), clock.instant());
    }

    Instant now() {
        return clock.instant();
    }

    /** Deletes the expired links, a chunk per statement; returns how many. */
    public long deleteExpired() {
        Instant now = clock.instant();
        return HourlyCleanup.inChunks(DELETE_CHUNK, chunk -> dao.deleteExpired(now, chunk));
    }
}
