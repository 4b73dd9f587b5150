package api.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/** The {@code CORS_ORIGINS} list: checked here, since the CORS plugin refuses a bad origin only as the app is built. */
final class Origins {
    static final String ACCEPTS = "* or origins such as https://app.example.com, comma separated";

    private Origins() {}

    /** Throws IllegalArgumentException naming the first entry that is not an origin. */
    static List<String> check(List<String> origins) {
        for (String origin : origins) {
            if (!origin.equals("*") && !isOrigin(origin)) {
                throw new IllegalArgumentException("'" + origin + "' is not an origin");
            }
        }
        return origins;
    }

    /** A scheme and a host, perhaps a port and a leading {@code *.}: a browser's Origin has no path. */
    private static boolean isOrigin(String text) {
        try {
            URI uri = new URI(text.replaceFirst("^(https?://)\\*\\.", "$1"));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null
                    && uri.getRawUserInfo() == null
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
