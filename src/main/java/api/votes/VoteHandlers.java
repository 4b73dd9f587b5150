package api.votes;

import api.db.DbErrors;
import api.metrics.BusinessMetrics;
import api.web.ApiDocs;
import api.web.ApiError;
import api.web.Auth;
import api.web.Json;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

public final class VoteHandlers {
    private final VoteDao votes;
    private final BusinessMetrics events;

    public VoteHandlers(VoteDao votes, BusinessMetrics events) {
        this.votes = votes;
        this.events = events;
    }

    @OpenApi(path = "/vote", methods = HttpMethod.POST, summary = "Add (dir 1) or remove (dir 0) the caller's vote",
            tags = "Votes", security = @OpenApiSecurity(name = ApiDocs.SECURITY),
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = NewVote.class), required = true),
            responses = {
                @OpenApiResponse(status = "201", content = @OpenApiContent(from = ApiDocs.Message.class)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = ApiDocs.Detail.class)), @OpenApiResponse(status = "404", content = @OpenApiContent(from = ApiDocs.Detail.class)), @OpenApiResponse(status = "409", content = @OpenApiContent(from = ApiDocs.Detail.class)), @OpenApiResponse(status = "422", content = @OpenApiContent(from = ApiDocs.ValidationErrors.class))})
    public void vote(Context ctx) {
        NewVote input = NewVote.from(Json.body(ctx));
        long userId = Auth.userId(ctx);
        if (input.add()) {
            add(input.postId(), userId);
            events.voteAdded();
            ctx.status(HttpStatus.CREATED).json(new ApiDocs.Message("successfully added vote"));
        } else {
            remove(input.postId(), userId);
            events.voteRemoved();
            ctx.status(HttpStatus.CREATED).json(new ApiDocs.Message("successfully deleted vote"));
        }
    }

    private void add(long postId, long userId) {
        try {
            votes.add(postId, userId);
        } catch (UnableToExecuteStatementException e) {
            if (DbErrors.isDuplicateKey(e)) {
                // sic: clients of the original match on this spelling
                throw ApiError.conflict("user " + userId + " has alredy voted on post " + postId);
            }
            // the foreign key refused it: the post does not exist (or was deleted a moment ago)
            if (!votes.postExists(postId)) {
                throw postNotFound(postId);
            }
            throw e;
        }
    }

    private void remove(long postId, long userId) {
        if (votes.remove(postId, userId) == 0) {
            throw votes.postExists(postId) ? ApiError.notFound("Vote does not exist") : postNotFound(postId);
        }
    }

    private static ApiError postNotFound(long postId) {
        return ApiError.notFound("Post with id: " + postId + " does not exist");
    }
}
