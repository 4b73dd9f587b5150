package api.web;

/** A failure the client caused (or may retry). Rendered as {@code {"detail": message}}. */
public final class ApiError extends RuntimeException {
    private final int status;

    public ApiError(int status, String detail) {
        super(detail, null, false, false); // an expected outcome: no stack trace to fill
        this.status = status;
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

    public int status() {
        return status;
    }
}
