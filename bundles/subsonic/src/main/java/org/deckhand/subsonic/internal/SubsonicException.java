package org.deckhand.subsonic.internal;

/**
 * A request the API refuses, with the Subsonic error code the answer carries ({@code subsonic-response} with
 * {@code status="failed"} and an {@code error} element, as the Subsonic API 1.16.1 and OpenSubsonic define them).
 */
final class SubsonicException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A generic error, such as a malformed parameter. */
    static final int GENERIC = 0;
    /** A required parameter is missing. */
    static final int MISSING_PARAMETER = 10;
    /** Wrong user name or password. */
    static final int WRONG_CREDENTIALS = 40;
    /** Token authentication is not supported for this user. */
    static final int TOKEN_NOT_SUPPORTED = 41;
    /** The authentication mechanism given is not supported. */
    static final int MECHANISM_NOT_SUPPORTED = 42;
    /** Several conflicting authentication mechanisms were given. */
    static final int MULTIPLE_MECHANISMS = 43;
    /** The API key is invalid. */
    static final int INVALID_API_KEY = 44;
    /** The user may not do this. */
    static final int NOT_AUTHORISED = 50;
    /** The requested data was not found. */
    static final int NOT_FOUND = 70;

    private final int code;

    /**
     * @param code the Subsonic error code
     * @param message what went wrong, naming the parameter or id concerned
     */
    SubsonicException(int code, String message) {
        super(message);
        this.code = code;
    }

    int code() {
        return code;
    }

    static SubsonicException notFound(String what, String id) {
        return new SubsonicException(NOT_FOUND, what + " not found: " + id);
    }
}
