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
        // a salt of the right cost checks as slowly as a real hash and takes no bcrypt work to make
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
     * Takes as long as {@link #matches} on a real account so timing does not reveal registered emails. Always false.
     */
    public boolean matchAgainstDummy(String password) {
        matches(password, dummyHash);
        return false;
    }

    String dummyHash() {
        return dummyHash;
    }

    /** $2b$ and $2y$ only name fixes to other implementations' bugs; jBCrypt 0.4 knows only $2a$. */
    static String normalise(String hash) {
        if (hash != null && (hash.startsWith("$2b$") || hash.startsWith("$2y$"))) {
            return "$2a$" + hash.substring(4);
        }
        return hash;
    }
}
