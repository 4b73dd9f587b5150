package api.votes;

import api.db.DbErrors;
import api.metrics.BusinessMetrics;
import api.web.ApiError;
import api.web.Caller;
import api.web.Json;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

public final class VoteHandlers {
    /** The answer to a vote: only a sentence, as the original's clients expect. */
    record Message(String message) {}

    private final VoteDao votes;
    private final BusinessMetrics events;

    public VoteHandlers(VoteDao votes, BusinessMetrics events) {
        this.votes = votes;
        this.events = events;
    }

    public void vote(Context ctx) {
        NewVote input = NewVote.from(Json.body(ctx));
        long userId = Caller.userId(ctx);
        if (input.add()) {
            add(input.postId(), userId);
            events.voteAdded();
            ctx.status(HttpStatus.CREATED).json(new Message("successfully added vote"));
        } else {
            remove(input.postId(), userId);
            events.voteRemoved();
            ctx.status(HttpStatus.CREATED).json(new Message("successfully deleted vote"));
        }
    }

    private void add(long postId, long userId) {
        int added;
        try {
            added = votes.add(postId, userId);
        } catch (UnableToExecuteStatementException e) {
            if (DbErrors.isDuplicateKey(e)) {
                // sic: clients of the original match on this spelling
                throw ApiError.conflict("user " + userId + " has alredy voted on post " + postId);
            }
            // the foreign key refused it: the post was deleted between the insert's read and its write
            if (!votes.postVisible(postId, userId)) {
                throw postNotFound(postId);
            }
            throw e;
        }
        if (added == 0) {
            throw postNotFound(postId); // no such post, or another user's draft, which does not exist for this one
        }
    }

    private void remove(long postId, long userId) {
        if (votes.remove(postId, userId) == 0) {
            throw votes.postVisible(postId, userId) ? ApiError.notFound("Vote does not exist") : postNotFound(postId);
        }
    }

    private static ApiError postNotFound(long postId) {
        return ApiError.notFound("Post with id: " + postId + " does not exist");
    }
}
