package api.bench;

import api.server.StartupPhases;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The floor under the app's cold start: a bare Jetty 12 server, the one the app runs on, that answers every request
 * with a small JSON body, and nothing else (no servlets, no Javalin, no database). {@code scripts/bench-startup}
 * starts it beside the app, with its own start-up archive, and reports the app's start against it.
 *
 * <p>Usage: {@code HelloJetty PORT [--once]}; logs its start like the app does. With {@code --once} it stops after
 * the first answer, which is how the archive's training run ends.
 */
public final class HelloJetty {
    private static final ByteBuffer BODY = ByteBuffer.wrap("{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8));

    public static void main(String[] args) throws Exception {
        var phases = new StartupPhases();
        boolean once = args.length > 1 && args[1].equals("--once");
        var server = new Server();
        var connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(Integer.parseInt(args[0]));
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                response.write(true, BODY.slice(), callback);
                if (once) {
                    new Thread(() -> stopSoon(server)).start();
                }
                return true;
            }
        });
        server.start();
        phases.end("listening");
        System.out.println("Started in " + phases.totalMillis() + " ms: " + phases);
        server.join();
    }

    private static void stopSoon(Server server) {
        try {
            Thread.sleep(100); // the answer leaves first
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
