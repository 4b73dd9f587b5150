package api.pages;

import api.auth.Session;

/**
 * {@code tasks/account.jte}: a notice from the last change if any, then what went wrong in the password form
 * ({@code passwordMessage}, {@code newPasswordProblem}) or the deletion form ({@code deleteMessage}), if anything.
 */
public record AccountPage(
        Session session, String notice, String passwordMessage, String newPasswordProblem, String deleteMessage) {

    static AccountPage of(Session session, String notice) {
        return new AccountPage(session, notice, null, null, null);
    }
}
