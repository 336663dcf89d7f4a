package org.deckhand.rest.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * The one servlet the HTTP whiteboard mounts for the API: it hands each request to the Jersey container of the
 * current resources. When resources come or go, a new container is built and initialised beside the current one and
 * then takes every new request at once, while the previous one finishes the requests it has; its owner destroys it
 * later. So a rebuild never registers another servlet with the whiteboard, which could route a request to a servlet
 * being torn down.
 */
final class ApiDispatcher extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Supplier<ServletContainer> containers;
    private final transient Runnable mounted;
    private transient volatile ServletContainer current;

    /**
     * @param containers builds a container of the resources registered now
     * @param mounted told each time a new container has taken over
     */
    ApiDispatcher(Supplier<ServletContainer> containers, Runnable mounted) {
        this.containers = containers;
        this.mounted = mounted;
    }

    @Override
    public synchronized void init() throws ServletException {
        current = initialised(containers.get());
        mounted.run();
    }

    /**
     * Builds a container of the resources registered now and makes it serve every new request. Before the
     * whiteboard has initialised this servlet it does nothing: initialisation builds the container then.
     *
     * @return the container it replaces, for the caller to destroy once its requests are done; null if none
     * @throws ServletException if the new container cannot be initialised; the current one serves on
     */
    synchronized ServletContainer rebuild() throws ServletException {
        if (current == null) {
            return null;
        }
        ServletContainer replaced = current;
        current = initialised(containers.get());
        mounted.run();
        return replaced;
    }

    private ServletContainer initialised(ServletContainer container) throws ServletException {
        container.init(getServletConfig());
        return container;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        ServletContainer container = current;
        if (container == null) {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "The API is not mounted");
            return;
        }
        container.service(request, response);
    }

    @Override
    public synchronized void destroy() {
        if (current != null) {
            current.destroy();
            current = null;
        }
    }
}
