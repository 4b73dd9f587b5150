package api.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** CSRF checks for the task pages' forms: the browser's {@code Origin} and {@code Sec-Fetch-Site}, and a form token. */
public final class Csrf {
    public static final String FIELD = "csrf";
    /**
     * Double-submit token for the sign-in forms, which have no session yet: another site can neither read nor set it.
     */
    public static final String SIGN_IN_COOKIE = "signin_csrf";

    private Csrf() {}

    /**
     * Ports are not compared because a proxy's {@code Host $host} drops them; a request with neither header is left to
     * the token.
     */
    public static boolean crossSite(String origin, String secFetchSite, String host) {
        if ("cross-site".equalsIgnoreCase(secFetchSite)) {
            return true;
        }
        if (origin == null) {
            return false;
        }
        try {
            String originHost = new URI(origin.strip()).getHost();
            return originHost == null || host == null || !originHost.equalsIgnoreCase(hostName(host.strip()));
        } catch (URISyntaxException e) {
            return true;
        }
    }

    /** {@code example.com:8080} → {@code example.com}; {@code [::1]:8000} → {@code [::1]}, as URI writes it. */
    private static String hostName(String hostHeader) {
        if (hostHeader.startsWith("[")) {
            int end = hostHeader.indexOf(']');
            return end < 0 ? hostHeader : hostHeader.substring(0, end + 1);
        }
        int colon = hostHeader.indexOf(':');
        return colon < 0 ? hostHeader : hostHeader.substring(0, colon);
    }

    /** Compared in constant time, so the answer's timing does not tell how much of a guess was right. */
    public static boolean matches(String expected, String given) {
        if (expected == null || expected.isEmpty() || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code Set-Cookie} value of the sign-in token: only the sign-in pages read it. */
    public static String signInCookie(String token, boolean secure) {
        return SIGN_IN_COOKIE + "=" + token + "; Path=/tasks; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    public static String clearedSignInCookie(boolean secure) {
        return SIGN_IN_COOKIE + "=; Path=/tasks; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }
}
