package api.support;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one request per connection, for what a well-behaved client refuses to send:
 * invalid UTF-8 in the request line or headers, broken framing, overlong lines, bodies larger than declared.
 */
public final class RawHttp {
    private static final int TIMEOUT_MS = 15_000;

    private RawHttp() {}

    /** A response as it came off the wire; {@code status} is -1 when the server closed without answering. */
    public record Response(int status, Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** The bytes of a request; {@code Host}, {@code Connection: close} and a {@code Content-Length} for the body are added. */
    public static byte[] request(String method, byte[] target, Map<String, byte[]> headers, byte[] body) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(ascii(method + " "));
        out.writeBytes(target);
        out.writeBytes(ascii(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"));
        headers.forEach((name, value) -> {
            out.writeBytes(ascii(name + ": "));
            out.writeBytes(value);
            out.writeBytes(ascii("\r\n"));
        });
        if (body != null
                && headers.keySet().stream()
                        .noneMatch(
                                h -> h.equalsIgnoreCase("Transfer-Encoding") || h.equalsIgnoreCase("Content-Length"))) {
            out.writeBytes(ascii("Content-Length: " + body.length + "\r\n"));
        }
        out.writeBytes(ascii("\r\n"));
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    /**
     * Sends {@code request} and reads the answer. The request is written from another thread: a server may answer
     * (413, 431) and close before it has read everything, and that answer is what counts.
     */
    public static Response send(int port, byte[] request) {
        return send(InetAddress.getLoopbackAddress(), port, request);
    }

    /**
     * A POST of {@code body} (ASCII) read as {@link #send(int, byte[])} reads: for bodies the server may refuse, and
     * close on, before they are all sent.
     */
    public static Response post(int port, String path, String contentType, String body) {
        return send(port, request("POST", ascii(path), Map.of("Content-Type", ascii(contentType)), ascii(body)));
    }

    /** As {@link #send(int, byte[])}, to {@code address}: a local non-loopback one makes the server see that peer. */
    public static Response send(InetAddress address, int port, byte[] request) {
        try (Socket socket = new Socket(address, port)) {
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            Thread writer = new Thread(
                    () -> {
                        try {
                            out.write(request);
                            out.flush();
                        } catch (IOException e) {
                            // the server answered and closed early; the reader gets what it said
                        }
                    },
                    "raw-http-writer");
            writer.setDaemon(true);
            writer.start();
            Response response = read(socket.getInputStream());
            writer.join(TIMEOUT_MS);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Response read(InputStream in) throws IOException {
        String statusLine;
        try {
            statusLine = line(in);
        } catch (EOFException e) {
            return new Response(-1, Map.of(), new byte[0]);
        }
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.merge(
                    line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    line.substring(colon + 1).strip(),
                    (a, b) -> a + ", " + b);
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            var chunks = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16);
                    size > 0;
                    size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
                chunks.writeBytes(in.readNBytes(size));
                line(in);
            }
            body = chunks.toByteArray();
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else if (status == 204 || status == 304) {
            body = new byte[0];
        } else {
            body = in.readAllBytes();
        }
        return new Response(status, headers, body);
    }

    private static String line(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                throw new EOFException("connection closed after " + line.size() + " bytes of a line");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /** {@code body} in chunked transfer coding, 8 KB a chunk; send it with {@code Transfer-Encoding: chunked}. */
    public static byte[] chunked(byte[] body) {
        var out = new ByteArrayOutputStream();
        for (int i = 0; i < body.length; i += 8192) {
            int n = Math.min(8192, body.length - i);
            out.writeBytes(ascii(Integer.toHexString(n) + "\r\n"));
            out.write(body, i, n);
            out.writeBytes(ascii("\r\n"));
        }
        out.writeBytes(ascii("0\r\n\r\n"));
        return out.toByteArray();
    }

    public static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
