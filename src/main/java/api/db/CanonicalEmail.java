package api.db;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one form emails are stored, compared and counted in: NFKC (full-width letters become ASCII), lower case,
 * trimmed. Accents survive, so {@code alicé@} stays another address than {@code alice@}.
 */
public final class CanonicalEmail {
    private CanonicalEmail() {}

    public static String of(String email) {
        return Normalizer.normalize(email, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .strip();
    }
}
