package org.deckhand.rest.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;

/**
 * Compresses the API's JSON answers (plain JSON and {@code application/problem+json}) with gzip when the client
 * accepts it (RFC 9110 section 12.5.3, {@code Accept-Encoding}), by marking the response {@code Content-Encoding:
 * gzip} for Jersey's {@link org.glassfish.jersey.message.GZipEncoder}, which then compresses the body as it is
 * written. Every other answer goes out as it is: audio, pictures and other files (already compressed, and sent in byte
 * ranges) and Server-Sent Events (which must reach the client event by event, never held in a compressor's buffer).
 */
final class JsonCompression implements ContainerResponseFilter {

    private static final String GZIP = "gzip";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (!response.hasEntity() || type == null || !isJson(type)
                || response.getHeaders().containsKey(HttpHeaders.CONTENT_ENCODING)) {
            return;
        }
        response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (acceptsGzip(request.getHeaderString(HttpHeaders.ACCEPT_ENCODING))) {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_ENCODING, GZIP);
            response.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
        }
    }

    private static boolean isJson(MediaType type) {
        String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
        return type.getType().equalsIgnoreCase("application") && (subtype.equals("json") || subtype.endsWith("+json"));
    }

    /**
     * @param header the request's {@code Accept-Encoding}, or null
     * @return whether it names gzip (or {@code *}) with a quality above 0
     */
    static boolean acceptsGzip(String header) {
        if (header == null) {
            return false;
        }
        for (String part : header.split(",")) {
            String[] pieces = part.split(";");
            String coding = pieces[0].strip().toLowerCase(Locale.ROOT);
            if (!coding.equals(GZIP) && !coding.equals("x-gzip") && !coding.equals("*")) {
                continue;
            }
            double quality = 1;
            for (int i = 1; i < pieces.length; i++) {
                String parameter = pieces[i].strip().toLowerCase(Locale.ROOT);
                if (parameter.startsWith("q=")) {
                    try {
                        quality = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException e) {
                        quality = 0;
                    }
                }
            }
            if (quality > 0) {
                return true;
            }
        }
        return false;
    }
}
