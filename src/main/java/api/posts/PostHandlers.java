package api.posts;

import api.metrics.BusinessMetrics;
import api.web.ApiError;
import api.web.Caller;
import api.web.FieldErrors;
import api.web.Json;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Locale;

public final class PostHandlers {
    static final int MAX_LIMIT = 100;

    private final PostDao posts;
    private final BusinessMetrics events;

    public PostHandlers(PostDao posts, BusinessMetrics events) {
        this.posts = posts;
        this.events = events;
    }

    public void list(Context ctx) {
        int limit = FieldErrors.queryInt(ctx, "limit", 10);
        FieldErrors.checkQuery(
                limit >= 1 && limit <= MAX_LIMIT, "limit", "ensure this value is between 1 and " + MAX_LIMIT);
        int skip = FieldErrors.queryInt(ctx, "skip", 0);
        FieldErrors.checkQuery(skip >= 0, "skip", "ensure this value is greater than or equal to 0");
        String search = ctx.queryParam("search") == null ? "" : ctx.queryParam("search");
        ctx.json(posts.list(containsPattern(search), Caller.userId(ctx), limit, skip).stream()
                .map(PostRow::withVotes)
                .toList());
    }

    public void get(Context ctx) {
        long id = FieldErrors.pathId(ctx);
        long viewer = Caller.userId(ctx);
        // an unpublished post is its owner's draft: to anyone else it does not exist
        ctx.json(posts.find(id)
                .filter(post -> post.published() || post.ownerId() == viewer)
                .map(PostRow::withVotes)
                .orElseThrow(() -> ApiError.notFound("post with id: " + id + " was not found")));
    }

    public void create(Context ctx) {
        NewPost input = NewPost.from(Json.body(ctx));
        long id = posts.insert(input, Caller.userId(ctx));
        events.postCreated();
        ctx.status(HttpStatus.CREATED).json(posts.find(id).orElseThrow().post());
    }

    public void update(Context ctx) {
        long id = FieldErrors.pathId(ctx);
        NewPost input = NewPost.from(Json.body(ctx));
        requireOwnPost(id, Caller.userId(ctx));
        posts.update(id, input);
        ctx.json(posts.find(id).orElseThrow(() -> notFound(id)).post());
    }

    public void delete(Context ctx) {
        long id = FieldErrors.pathId(ctx);
        requireOwnPost(id, Caller.userId(ctx));
        posts.delete(id);
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void requireOwnPost(long id, long userId) {
        // another user's draft is as missing here as on GET: a 403 would tell its id exists
        long owner = posts.ownerOfVisible(id, userId).orElseThrow(() -> notFound(id));
        if (owner != userId) {
            throw ApiError.forbidden("Not authorized to perform requested action");
        }
    }

    private static ApiError notFound(long id) {
        return ApiError.notFound("post with id: " + id + " does not exist");
    }

    /** Search is a plain "title contains" test: the user's % and _ are matched literally. */
    static String containsPattern(String search) {
        String escaped = search.toLowerCase(Locale.ROOT)
                .replace("!", "!!")
                .replace("%", "!%")
                .replace("_", "!_");
        return "%" + escaped + "%";
    }
}
