package api.pages;

import java.util.Map;

/** {@code tasks/signup.jte}: as {@link SignInPage}, with a message per refused field. */
public record SignUpPage(String email, String message, Map<String, String> problems, String csrf) {}
