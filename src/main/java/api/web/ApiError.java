package api.web;

import java.util.OptionalLong;

/** A failure the client caused (or may retry). Rendered as {@code {"detail": message}}, with Retry-After if set. */
public final class ApiError extends RuntimeException {
    private final int status;
    private final long retryAfterSeconds;

    public ApiError(int status, String detail) {
        this(status, detail, 0);
    }

    private ApiError(int status, String detail, long retryAfterSeconds) {
        super(detail, null, false, false); // an expected outcome: no stack trace to fill
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiError badRequest(String detail) {
        return new ApiError(400, detail);
    }

    public static ApiError forbidden(String detail) {
        return new ApiError(403, detail);
    }

    public static ApiError notFound(String detail) {
        return new ApiError(404, detail);
    }

    public static ApiError conflict(String detail) {
        return new ApiError(409, detail);
    }

    public static ApiError tooManyRequests(String detail, long retryAfterSeconds) {
        return new ApiError(429, detail, retryAfterSeconds);
    }

    public static ApiError unavailable(String detail, long retryAfterSeconds) {
        return new ApiError(503, detail, retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    public OptionalLong retryAfterSeconds() {
        return retryAfterSeconds > 0 ? OptionalLong.of(retryAfterSeconds) : OptionalLong.empty();
    }
}
