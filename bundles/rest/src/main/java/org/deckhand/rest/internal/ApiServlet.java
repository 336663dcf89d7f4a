package org.deckhand.rest.internal;

import jakarta.servlet.ServletException;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * Jersey's servlet, made to start inside OSGi: Jakarta REST finds its implementation through the thread context
 * class loader, which in OSGi is not Jersey's, so initialisation runs with jersey-server's class loader as the
 * context class loader.
 */
final class ApiServlet extends ServletContainer {

    private static final long serialVersionUID = 1L;

    ApiServlet(ResourceConfig config) {
        super(config);
    }

    @Override
    public void init() throws ServletException {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(ResourceConfig.class.getClassLoader());
        try {
            super.init();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
