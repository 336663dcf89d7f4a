package org.deckhand.mixer.internal.rest;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** Requests and responses of the servlet API without a server: just what the stream servlet uses. */
final class FakeHttp {

    private FakeHttp() {
    }

    /**
     * @param pathInfo the path after {@code /stream}
     * @param parameters the query parameters
     * @param headers the request headers
     * @return the request
     */
    static HttpServletRequest request(String pathInfo, Map<String, String> parameters, Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getPathInfo" -> pathInfo;
                    case "getRequestURI" -> "/stream" + pathInfo;
                    case "getParameter" -> parameters.get((String) args[0]);
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getScheme" -> "http";
                    case "getContextPath" -> "";
                    case "getLocalAddr" -> headers.getOrDefault("X-Test-Local-Address", "192.168.1.20");
                    case "getLocalPort" -> 8750;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A response that keeps its status, headers and body; the body "disconnects" after a number of bytes. */
    static final class Response {

        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        int status = 200;
        String error;
        private final long limit;

        Response(long limitBytes) {
            limit = limitBytes;
        }

        HttpServletResponse proxy() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    if (body.size() >= limit) {
                        throw new IOException("the player went");
                    }
                    body.write(bytes, offset, length);
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "sendError" -> {
                            status = (Integer) args[0];
                            error = args.length > 1 ? (String) args[1] : null;
                            yield null;
                        }
                        case "setContentType" -> headers.put("Content-Type", (String) args[0]);
                        case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                        case "setContentLength" -> headers.put("Content-Length", args[0].toString());
                        case "getOutputStream" -> out;
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }
}
