package api.users;

import api.config.AppConfig;
import api.db.FixedWindow;
import api.db.HourlyCleanup;
import api.db.Sha256;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Failed logins, counted in the database so every instance shares them and a restart forgets none. Per-network counters
 * fill before the account's overall ceiling (ten times LOGIN_MAX_FAILURES), which a device the account has logged in
 * from does not share; windows are epoch-aligned so instances agree without asking.
 */
public final class LoginFailures {
    static final int ACCOUNT_CEILING_FACTOR = 10;
    private static final int DELETE_CHUNK = 5_000;

    private final LoginFailureDao dao;
    private final int maxFailures;
    private final long windowSeconds;
    private final Clock clock;

    public LoginFailures(LoginFailureDao dao, AppConfig.AuthSettings settings, Clock clock) {
        this(dao, settings.loginMaxFailures(), settings.loginFailureWindow(), clock);
    }

    public LoginFailures(LoginFailureDao dao, int maxFailures, Duration window, Clock clock) {
        this.dao = dao;
        this.maxFailures = maxFailures;
        this.windowSeconds = window.toSeconds();
        this.clock = clock;
    }

    /** The places one login holds, in one window; when it got none, {@code full} is the counter that refused it. */
    public record Reservation(List<String> keys, Instant windowEnd, long retryAfterSeconds, String full) {
        public boolean refused() {
            return keys.isEmpty();
        }
    }

    /** One counter a login takes a place on; {@code accountKey} is null for an address's own. */
    record Counter(String key, String accountKey, int limit) {}

    /** A place on each of the counters of a login without a known device, or none when one of them is full. */
    public Reservation reserve(String address, String account) {
        return reserve(forAddress(address, account));
    }

    /** The network's own counter first: a network past its limit never touches the account's shared one. */
    List<Counter> forAddress(String address, String account) {
        String network = ClientNetwork.of(address);
        String email = email(account);
        String accountKey = accountKey(account);
        return List.of(
                new Counter(key("network", network), null, maxFailures),
                new Counter(key("account-network", email + "\n" + network), accountKey, maxFailures),
                new Counter(key("account", email), accountKey, maxFailures * ACCOUNT_CEILING_FACTOR));
    }

    /** A known device's one counter, from any address: a stolen cookie buys no more guesses than one address. */
    List<Counter> forDevice(String deviceHash, String account) {
        return List.of(new Counter(key("device", deviceHash), accountKey(account), maxFailures));
    }

    Reservation reserve(List<Counter> counters) {
        Instant now = clock.instant();
        Instant windowEnd = FixedWindow.endOf(now, windowSeconds);
        List<String> held = new ArrayList<>();
        for (Counter counter : counters) {
            if (!take(counter, windowEnd)) {
                if (!held.isEmpty()) {
                    dao.decrement(held, windowEnd);
                }
                return new Reservation(List.of(), windowEnd, FixedWindow.secondsLeft(now, windowEnd), counter.key());
            }
            held.add(counter.key());
        }
        return new Reservation(List.copyOf(held), windowEnd, 0, null);
    }

    /** Forgets a reservation whose password was right, or never checked. */
    public void giveBack(Reservation reservation) {
        if (!reservation.refused()) {
            dao.decrement(reservation.keys(), reservation.windowEnd());
        }
    }

    /** Clears every counter of the account with this email (from every address, and of its devices); returns how many. */
    public int unlock(String email) {
        return dao.deleteAccount(accountKey(Login.account(email)));
    }

    /** Deletes the counters of ended windows, a chunk per statement; returns how many. */
    public long deleteEnded() {
        Instant now = clock.instant();
        return HourlyCleanup.inChunks(DELETE_CHUNK, chunk -> dao.deleteEnded(now, chunk));
    }

    private boolean take(Counter counter, Instant windowEnd) {
        return FixedWindow.take(
                () -> dao.increment(counter.key(), windowEnd, counter.limit()),
                () -> dao.insertFirst(counter.key(), windowEnd, counter.accountKey()));
    }

    private static String email(String account) {
        return account.strip().toLowerCase(Locale.ROOT);
    }

    /** Marks every counter of one account, so that {@link #unlock} finds them without knowing the addresses. */
    static String accountKey(String account) {
        return key("account", email(account));
    }

    /** The stored key: a hash, so the table holds no email, and every key has the column's length. */
    static String key(String kind, String value) {
        return Sha256.hex(kind + ":" + value);
    }
}
