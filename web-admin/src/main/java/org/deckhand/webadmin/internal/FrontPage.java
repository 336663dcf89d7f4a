package org.deckhand.webadmin.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;

/**
 * Serves the web console, the single-page application built into this bundle's {@code web/} folder, at the server's
 * root URL: its files by name, and {@code index.html} for every page of the console ({@code /}, {@code /library},
 * {@code /tracks/12}), so that a reload or a bookmark opens the same page. A name with an extension that the console
 * does not have, a path under {@code /api/} that the API did not take, and any malformed or hostile path get 404.
 * Hashed assets ({@code assets/}) may be cached for a year, everything else is revalidated by its ETag; text files go
 * gzip-compressed, as the build compressed them, to clients that accept it. Registered with the HTTP whiteboard as
 * the default servlet (pattern {@code /}).
 */
@Component(service = Servlet.class, property = {
    "osgi.http.whiteboard.servlet.pattern=/",
    "osgi.http.whiteboard.servlet.name=deckhand-web-console"})
public final class FrontPage extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String FOLDER = "web";
    private static final String HASHED_CACHE = "public, max-age=31536000, immutable";
    private static final String REVALIDATE = "no-cache";
    private static final String GZIP_ETAG_SUFFIX = "-gzip\"";
    /** The console loads its scripts, styles, media and data from the server alone, and is never framed. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final transient WebFiles files = new WebFiles(FrontPage.class.getClassLoader(), FOLDER);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String rawPath = request.getRequestURI().substring(request.getContextPath().length());
        Optional<WebPath> path = WebPath.of(rawPath);
        Optional<WebFile> file = path.flatMap(p -> files.find(p.file()));
        if (file.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, path.isPresent() && path.get().page()
                    ? "The web console is missing from this build: no " + FOLDER + "/" + WebPath.INDEX
                    : "Nothing to see at " + rawPath);
            return;
        }
        send(file.get(), path.get(), request, response);
    }

    private static void send(WebFile file, WebPath path, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        boolean gzip = file.gzipped() != null && AcceptEncoding.allowsGzip(request.getHeader("Accept-Encoding"));
        String etag = gzip ? file.etag().substring(0, file.etag().length() - 1) + GZIP_ETAG_SUFFIX : file.etag();
        response.setHeader("Cache-Control", path.immutable() ? HASHED_CACHE : REVALIDATE);
        response.setHeader("ETag", etag);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        if (file.gzipped() != null) {
            response.setHeader("Vary", "Accept-Encoding");
        }
        if (path.page()) {
            response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        }
        if (matches(request.getHeader("If-None-Match"), etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] body = gzip ? file.gzipped() : file.content();
        response.setContentType(file.contentType());
        if (gzip) {
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag) || tag.equals("*")) {
                return true;
            }
        }
        return false;
    }
}
