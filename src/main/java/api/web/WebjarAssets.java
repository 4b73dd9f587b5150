package api.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /webjars/<path>}: the pages' CSS, scripts and fonts, read from the webjars inside the jar. Javalin's
 * static-file handler mounts the whole jar as a zip file system when the app is built, the largest single part
 * of a start; the class loader has the jar open already. Only asset types are served, and no path that climbs.
 */
public final class WebjarAssets {
    public static final String ROUTE = "/webjars/<path>";
    private static final String ROOT = "META-INF/resources/webjars/";
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "map", "application/json",
            "html", "text/html; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "woff", "font/woff",
            "woff2", "font/woff2",
            "ttf", "font/ttf");

    public void serve(Context ctx) {
        String path = ctx.pathParam("path");
        String type = TYPES.get(extension(path));
        if (type == null || path.startsWith("/") || path.contains("..") || path.contains("\\") || path.contains("//")) {
            throw new NotFoundResponse();
        }
        InputStream asset = WebjarAssets.class.getClassLoader().getResourceAsStream(ROOT + path);
        if (asset == null) {
            throw new NotFoundResponse();
        }
        // every path names its webjar's version, so an answer never changes
        ctx.header("Cache-Control", "public, max-age=31536000, immutable");
        ctx.contentType(type).result(asset);
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
