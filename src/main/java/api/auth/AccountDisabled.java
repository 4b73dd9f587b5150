package api.auth;

/** A right token or password of an account an operator disabled: 403, whatever the credentials. */
public final class AccountDisabled extends RuntimeException {
    public static final String DETAIL = "This account is disabled; its owner should contact the service's operator";

    public AccountDisabled() {
        super(DETAIL, null, false, false);
    }
}
