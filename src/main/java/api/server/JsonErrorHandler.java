package api.server;

import api.web.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers as {@code {"detail": ...}}: those it gives before Javalin sees the request (a malformed
 * request line or header, 400; a URI over 8 KB, 414; headers over 8 KB, 431) and any it sends itself later.
 * Jetty writes them as HTML otherwise, the one place the API would not answer JSON.
 */
public final class JsonErrorHandler extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        response.getHeaders().put(ERROR_CACHE_CONTROL);
        int status = response.getStatus();
        String reason = (String) request.getAttribute(ERROR_MESSAGE);
        if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException http) {
            status = http.getCode();
            response.setStatus(status);
            if (reason == null) {
                reason = http.getReason();
            }
        }
        if (HttpStatus.hasNoBody(status) || "HEAD".equals(request.getMethod())) {
            callback.succeeded();
            return true;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body(status, reason)), callback);
        return true;
    }

    /** Any other exception's text names Jetty's internals: the client gets the status's own reason instead. */
    private static byte[] body(int status, String reason) {
        String detail = reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason;
        try {
            return Json.MAPPER.writeValueAsBytes(Map.of("detail", detail));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
