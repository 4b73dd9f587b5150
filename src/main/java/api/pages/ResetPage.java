package api.pages;

/**
 * {@code tasks/reset.jte}: the link's token, whether it is live (else the one message for a used, expired or unknown
 * link), what the new password broke if anything, and the form's token.
 */
public record ResetPage(String token, boolean live, String problem, String csrf) {}
