package api.auth;

import api.db.HourlyCleanup;
import api.db.Sha256;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Kept in the database so every instance knows them and a restart ends none; the table holds only the SHA-256 of the
 * cookie's random bytes.
 */
public final class Sessions {
    public static final String COOKIE = "session";
    /** How long a sign-in lasts, however active the user is: then the sign-in page again. */
    public static final Duration LIFETIME = Duration.ofHours(12);

    private static final int PURGE_CHUNK = 5_000;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SessionDao dao;
    private final Clock clock;

    public Sessions(SessionDao dao) {
        this(dao, Clock.systemUTC());
    }

    Sessions(SessionDao dao, Clock clock) {
        this.dao = dao;
        this.clock = clock;
    }

    /** The new session's cookie value; give it to the browser and forget it. */
    public String start(long userId) {
        return start(userId, now());
    }

    /**
     * As {@link #start(long)}, dated {@code signedInAt}, when the password was asked: a password change that lands
     * while it is checked ends the session, as it ends a token issued then.
     */
    public String start(long userId, Instant signedInAt) {
        String id = randomToken();
        dao.insert(hash(id), userId, randomToken(), signedInAt, now().plus(LIFETIME));
        return id;
    }

    /** Now on the sessions' clock, in the table's precision. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The live session a cookie value names; empty for a missing, malformed, unknown or expired one. */
    public Optional<Session> find(String cookieValue) {
        if (!isToken(cookieValue)) {
            return Optional.empty();
        }
        return dao.find(hash(cookieValue), clock.instant());
    }

    public void end(String cookieValue) {
        if (cookieValue != null) {
            dao.delete(hash(cookieValue));
        }
    }

    /** Deletes every expired session, a chunk per statement; returns how many. */
    public long purgeExpired() {
        Instant now = clock.instant();
        return HourlyCleanup.inChunks(PURGE_CHUNK, chunk -> dao.deleteExpired(now, chunk));
    }

    /** {@code secure} when the request came over HTTPS. */
    public static String cookie(String value, boolean secure) {
        return COOKIE + "=" + value + "; Path=/; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
    }

    public static String clearedCookie(boolean secure) {
        return COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
    }

    /** Whether {@code value} has the shape {@link #randomToken} gives, so nothing else reaches the database. */
    public static boolean isToken(String value) {
        return value != null && TOKEN.matcher(value).matches();
    }

    /** 32 random bytes, URL-safe base64 without padding: 43 characters. */
    public static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String cookieValue) {
        return Sha256.hex(cookieValue);
    }
}
