package api.pages;

/** {@code tasks/login.jte}: the email as typed, what went wrong if anything, and the form's token. */
public record SignInPage(String email, String message, String csrf) {}
