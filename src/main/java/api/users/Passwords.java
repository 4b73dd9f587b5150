package api.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.mindrot.jbcrypt.BCrypt;

/** bcrypt hashing and checking, including the hashes passlib wrote for the original app. */
public final class Passwords {
    /** bcrypt reads at most 72 bytes and silently ignores the rest, so longer passwords are refused. */
    public static final int MAX_BYTES = 72;

    public static final int MIN_CHARS = 8;

    private final int cost;
    private final String dummyHash;

    public Passwords(int cost) {
        this.cost = cost;
        // Checking against a hash costs the same whatever its digest: a salt of the right cost is enough, and
        // unlike a real hash it takes no bcrypt work to make at start.
        this.dummyHash = BCrypt.gensalt(cost) + "O".repeat(31);
    }

    public String hash(String password) {
        return BCrypt.hashpw(password, BCrypt.gensalt(cost));
    }

    public boolean matches(String password, String hash) {
        String normalised = normalise(hash);
        String computed;
        try {
            computed = BCrypt.hashpw(password, normalised);
        } catch (IllegalArgumentException e) {
            return false; // not a bcrypt hash at all
        }
        return MessageDigest.isEqual(
                computed.getBytes(StandardCharsets.US_ASCII), normalised.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Spends the same time as {@link #matches} on a real account, so response times do not tell
     * an attacker which emails are registered. Always false.
     */
    public boolean matchAgainstDummy(String password) {
        matches(password, dummyHash);
        return false;
    }

    String dummyHash() {
        return dummyHash;
    }

    /**
     * $2b$ (passlib, OpenBSD) and $2y$ (PHP) are the same algorithm as $2a$ for passwords under 255 bytes;
     * they only name fixes to other implementations' bugs. jBCrypt 0.4 knows only $2a$.
     */
    static String normalise(String hash) {
        if (hash != null && (hash.startsWith("$2b$") || hash.startsWith("$2y$"))) {
            return "$2a$" + hash.substring(4);
        }
        return hash;
    }
}
