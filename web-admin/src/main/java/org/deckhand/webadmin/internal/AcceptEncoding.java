package org.deckhand.webadmin.internal;

import java.util.Locale;

/** Reads an {@code Accept-Encoding} request header (RFC 9110, section 12.5.3) for whether gzip is welcome. */
final class AcceptEncoding {

    private AcceptEncoding() {
    }

    /**
     * @param header the header's value, or {@code null} when the request has none
     * @return whether the client accepts gzip: named ({@code gzip} or {@code x-gzip}) or covered by {@code *}, with a
     *     quality above 0
     */
    static boolean allowsGzip(String header) {
        if (header == null) {
            return false;
        }
        Boolean named = null;
        boolean wildcard = false;
        for (String part : header.split(",")) {
            String[] parameters = part.split(";");
            String coding = parameters[0].strip().toLowerCase(Locale.ROOT);
            boolean accepted = quality(parameters) > 0;
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                named = accepted;
            } else if (coding.equals("*")) {
                wildcard = accepted;
            }
        }
        return named != null ? named : wildcard;
    }

    private static double quality(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].strip();
            if (parameter.length() > 2 && parameter.substring(0, 2).equalsIgnoreCase("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2).strip());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
