package api.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own error answers as {@code {"detail": ...}}: those it gives before Javalin sees the request (a malformed
 * request line or header, 400; a URI over 8 KB, 414; headers over 8 KB, 431) and any it sends itself later.
 * Jetty writes them as HTML otherwise, the one place the API would not answer JSON.
 */
public final class JsonErrorHandler extends ErrorHandler {

    /** Requests Jetty's parser rejects, answered before any handler runs. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        if (HttpStatus.hasNoBody(status)) {
            return super.badMessageError(status, reason, fields);
        }
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(body(status, reason));
    }

    /** {@code sendError} calls inside a context. */
    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request, HttpServletResponse response,
                                              int code, String message) throws IOException {
        baseRequest.setHandled(true);
        response.setContentType("application/json");
        response.getOutputStream().write(body(code, message));
    }

    private static byte[] body(int status, String reason) {
        String detail = reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason;
        try {
            return Json.MAPPER.writeValueAsBytes(Map.of("detail", detail));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
