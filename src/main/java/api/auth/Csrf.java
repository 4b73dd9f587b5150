package api.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Cross-site request forgery checks for the task pages' forms: the browser's own word on where a POST came from
 * ({@code Origin}, {@code Sec-Fetch-Site}), and a token in the form that another site cannot know.
 */
public final class Csrf {
    /** The form field that carries the token. */
    public static final String FIELD = "csrf";
    /**
     * Before sign-in there is no session to tie a token to, so the sign-in and sign-up forms repeat a random token
     * that this cookie holds (double submit): another site can neither read nor set it, so it cannot send the pair.
     */
    public static final String SIGN_IN_COOKIE = "signin_csrf";

    private Csrf() {}

    /**
     * Whether the browser says the request came from another site: {@code Sec-Fetch-Site: cross-site}, or an
     * {@code Origin} ({@code null} included) whose host is not the host the request was sent to. Ports are not
     * compared, as browsers do not for a site, because a proxy's {@code Host $host} drops them. A request with
     * neither header (an older browser, a script) is left to the token.
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
