package api.server;

import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Holds a body of unknown length (chunked) to the body limit too. Javalin compares only Content-Length with
 * {@code maxRequestSize}, so a chunked body of any size was read into memory whole. Past the limit a read throws
 * Javalin's 413, which the error mapping answers like the Content-Length case.
 */
public final class BodyLimit implements Filter {
    private final long maxBytes;
    private final Map<String, Long> smallerLimits;

    /** {@code smallerLimits}: paths (without a trailing slash) whose bodies must stay under a lower limit. */
    public BodyLimit(long maxBytes, Map<String, Long> smallerLimits) {
        this.maxBytes = maxBytes;
        this.smallerLimits = Map.copyOf(smallerLimits);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http) {
            Long smaller = smallerLimits.get(withoutTrailingSlash(http.getRequestURI()));
            if (smaller != null) {
                // counted whatever the declared length, so that such a body is never read past its limit
                chain.doFilter(new Limited(http, smaller), response);
                return;
            }
            if (request.getContentLengthLong() < 0) {
                chain.doFilter(new Limited(http, maxBytes), response);
                return;
            }
        }
        chain.doFilter(request, response); // a declared length: Javalin's own check applies
    }

    private static String withoutTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream in;

        Limited(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (in == null) {
                in = new Counting(super.getInputStream(), maxBytes);
            }
            return in;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            Charset charset =
                    getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(getCharacterEncoding());
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private final long maxBytes;
        private long read;

        Counting(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > maxBytes) {
                throw new HttpResponseException(
                        HttpStatus.CONTENT_TOO_LARGE.getCode(), HttpStatus.CONTENT_TOO_LARGE.getMessage());
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
