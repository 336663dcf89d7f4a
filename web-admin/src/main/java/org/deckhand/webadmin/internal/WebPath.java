package org.deckhand.webadmin.internal;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a request path outside the API names in the web console: a file of the built console under {@code web/},
 * or one of the console's own pages (client routes such as {@code /library} or {@code /tracks/12}), which all are
 * {@code index.html}. Only plain paths are accepted: letters, digits, {@code . _ ~ -} and single slashes, no segment
 * starting with a dot, nothing percent-encoded. So {@code ..}, encoded slashes or dots, backslashes and hidden files
 * never reach the class loader, and nothing outside {@code web/} can be served.
 *
 * @param file the file's name relative to {@code web/}, such as {@code assets/index-3f2a.js}
 * @param page whether the path is a page of the console rather than a file asked for by name
 */
record WebPath(String file, boolean page) {

    /** The console's entry point, which answers every client route. */
    static final String INDEX = "index.html";

    private static final Pattern PLAIN = Pattern.compile("(/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*/?");
    private static final String API = "/api";

    /**
     * @param rawPath the request's path as sent, not decoded, without the context path
     * @return what it names; empty for a path the console never serves: malformed or hostile, or under
     *     {@code /api/}, where only the REST API answers
     */
    static Optional<WebPath> of(String rawPath) {
        String path = rawPath.isEmpty() ? "/" : rawPath;
        if (!PLAIN.matcher(path).matches() || path.equals(API) || path.startsWith(API + "/")) {
            return Optional.empty();
        }
        String name = path.substring(1);
        if (name.isEmpty() || name.equals(INDEX)) {
            return Optional.of(new WebPath(INDEX, true));
        }
        boolean namesAFile = !name.endsWith("/") && name.substring(name.lastIndexOf('/') + 1).contains(".");
        return Optional.of(namesAFile ? new WebPath(name, false) : new WebPath(INDEX, true));
    }

    /** @return whether the file's name carries a content hash, so that its content never changes */
    boolean immutable() {
        return file.startsWith("assets/");
    }
}
