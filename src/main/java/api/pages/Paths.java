package api.pages;

/** The pages' addresses, named once: the route table, the redirects and the templates' links all use these. */
public final class Paths {
    public static final String TASKS = "/tasks";
    /** The task list as links and redirects write it. */
    public static final String LIST = TASKS + "/";

    public static final String SIGN_IN = TASKS + "/login";
    public static final String SIGN_UP = TASKS + "/signup";
    public static final String SIGN_OUT = TASKS + "/logout";
    public static final String FORGOT = TASKS + "/forgot";
    /** The reset links' page: {@code users.ResetLinks} writes the same address into the mail. */
    public static final String RESET = TASKS + "/reset";

    public static final String ACCOUNT = TASKS + "/account";
    public static final String ACCOUNT_PASSWORD = ACCOUNT + "/password";
    public static final String ACCOUNT_DELETE = ACCOUNT + "/delete";
    public static final String NEW_TASK = TASKS + "/new";
    public static final String OPEN_CSV = TASKS + "/download/todo";
    public static final String COMPLETED_CSV = TASKS + "/download/completed";
    public static final String TASK = TASKS + "/{id}";
    public static final String COMPLETE = TASK + "/completed";
    public static final String DELETE = TASK + "/deleted";

    private Paths() {}

    public static String task(long id) {
        return withId(TASK, id);
    }

    public static String complete(long id) {
        return withId(COMPLETE, id);
    }

    public static String delete(long id) {
        return withId(DELETE, id);
    }

    /** The list's address for a page, keeping the tab. */
    public static String listPage(boolean completed, int page) {
        return LIST + "?" + (completed ? "completed=true&" : "") + "page=" + page;
    }

    /** The sign-in page with one of its notices ({@code SignInPage.notice}). */
    public static String signInWith(String notice) {
        return SIGN_IN + "?notice=" + notice;
    }

    private static String withId(String route, long id) {
        return route.replace("{id}", Long.toString(id));
    }
}
