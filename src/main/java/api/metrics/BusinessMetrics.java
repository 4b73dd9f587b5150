package api.metrics;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;

/**
 * What the service is used for, counted by the feature handlers. Every label value is created up front,
 * so rate() and alerts see a zero series instead of no series before the first event.
 */
public final class BusinessMetrics {
    private final Counter usersRegistered;
    private final Counter logins;
    private final Counter postsCreated;
    private final Counter votes;
    private final Counter tasksCreated;
    private final Counter tasksCompleted;
    private final Counter mails;

    BusinessMetrics(CollectorRegistry registry) {
        usersRegistered = Counter.build("api_users_registered_total", "Users who signed up")
                .register(registry);
        logins = Counter.build("api_logins_total", "Login attempts by result")
                .labelNames("result")
                .register(registry);
        postsCreated = Counter.build("api_posts_created_total", "Posts created").register(registry);
        votes = Counter.build("api_votes_total", "Votes cast (up) and withdrawn (down)")
                .labelNames("direction")
                .register(registry);
        tasksCreated =
                Counter.build("api_tasks_created_total", "ToDo tasks created").register(registry);
        tasksCompleted = Counter.build("api_tasks_completed_total", "ToDo tasks marked completed")
                .register(registry);
        mails = Counter.build("api_mails_total", "Password reset messages by result: sent, or failed (logged)")
                .labelNames("result")
                .register(registry);
        mails.labels("sent");
        mails.labels("failed");
        for (String result : new String[] {"success", "failure", "throttled"}) {
            logins.labels(result);
        }
        votes.labels("up");
        votes.labels("down");
    }

    public void userRegistered() {
        usersRegistered.inc();
    }

    public void loginSucceeded() {
        logins.labels("success").inc();
    }

    /** Wrong e-mail or password. */
    public void loginFailed() {
        logins.labels("failure").inc();
    }

    /** Refused by the failed-login limit before the password was checked. */
    public void loginThrottled() {
        logins.labels("throttled").inc();
    }

    public void postCreated() {
        postsCreated.inc();
    }

    /** {@code POST /vote} with {@code dir=1}. */
    public void voteAdded() {
        votes.labels("up").inc();
    }

    /** {@code POST /vote} with {@code dir=0}. */
    public void voteRemoved() {
        votes.labels("down").inc();
    }

    public void taskCreated() {
        tasksCreated.inc();
    }

    public void taskCompleted() {
        tasksCompleted.inc();
    }

    /** A password reset message the mail server took. */
    public void mailSent() {
        mails.labels("sent").inc();
    }

    /** A password reset message that did not go out: the server failed, timed out or the queue was full. */
    public void mailFailed() {
        mails.labels("failed").inc();
    }
}
