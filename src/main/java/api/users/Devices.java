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
 * The clients that have logged in to an account, each named by its {@code device} cookie (OWASP's device cookies):
 * their logins are counted against the device alone, so others' failures cannot lock them out. Only the SHA-256 of a
 * cookie is stored.
 */
public final class Devices {
    public static final String COOKIE = "device";
    /** A device unused this long is forgotten, and its cookie expires with it; each login renews both. */
    static final Duration LIFETIME = Duration.ofDays(365);

    private static final int DELETE_CHUNK = 5_000;

    private final DeviceDao dao;
    private final Clock clock;

    public Devices(DeviceDao dao, Clock clock) {
        this.dao = dao;
        this.clock = clock;
    }

    /** A device the account has logged in from: its cookie and the stored hash of it. */
    record Known(String cookie, String idHash) {}

    /** The device {@code cookie} names, when it is a live one of this user; a cookie of another account is none. */
    Optional<Known> known(String cookie, long userId) {
        if (!Sessions.isToken(cookie)) {
            return Optional.empty();
        }
        String idHash = Sha256.hex(cookie);
        return dao.owner(idHash, clock.instant().minus(LIFETIME))
                .filter(owner -> owner == userId)
                .map(owner -> new Known(cookie, idHash));
    }

    /** The cookie value that names this client for the user from now on: the known one, or a new device. */
    String remember(Optional<Known> known, long userId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (known.isPresent()) {
            dao.touch(known.get().idHash(), now);
            return known.get().cookie();
        }
        String cookie = Sessions.randomToken();
        dao.insert(Sha256.hex(cookie), userId, now);
        return cookie;
    }

    /** Deletes the devices unused for {@link #LIFETIME}, a chunk per statement; returns how many. */
    public long forgetUnused() {
        Instant usedBy = clock.instant().minus(LIFETIME);
        return HourlyCleanup.inChunks(DELETE_CHUNK, chunk -> dao.deleteUnused(usedBy, chunk));
    }

    /** {@code secure} when the request came over HTTPS. */
    public static String cookie(String value, boolean secure) {
        return COOKIE + "=" + value + "; Path=/; Max-Age=" + LIFETIME.toSeconds() + "; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "");
    }
}
