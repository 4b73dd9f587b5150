package api.pages;

/**
 * {@code tasks/forgot.jte}: the email as typed, what went wrong if anything, whether the request was taken (then the
 * same answer for every email), and the form's token.
 */
public record ForgotPage(String email, String message, boolean sent, String csrf) {}
