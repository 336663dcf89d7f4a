package org.deckhand.webadmin.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.osgi.service.component.annotations.Component;

/**
 * Serves the front page, {@code web/index.html} of this bundle, at the server's root URL, and 404 for every other
 * path that no other servlet serves. Registered with the HTTP whiteboard as the default servlet (pattern {@code /}).
 */
@Component(service = Servlet.class, property = {
    "osgi.http.whiteboard.servlet.pattern=/",
    "osgi.http.whiteboard.servlet.name=deckhand-front-page"})
public final class FrontPage extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String PAGE = "/web/index.html";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.isEmpty() && !path.equals("/") && !path.equals("/index.html")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        try (InputStream page = FrontPage.class.getResourceAsStream(PAGE)) {
            page.transferTo(response.getOutputStream());
        }
    }
}
