package api.pages;

/**
 * {@code tasks/login.jte}: the email as typed, what went wrong if anything, a notice from the page that sent the
 * browser here (a reset, a deletion) if any, and the form's token.
 */
public record SignInPage(String email, String message, String notice, String csrf) {}
