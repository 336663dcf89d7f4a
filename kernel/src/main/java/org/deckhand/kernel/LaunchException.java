package org.deckhand.kernel;

/**
 * A reason the server cannot start, in one line for the user, with the process exit status that goes with it.
 */
final class LaunchException extends Exception {

    /** Exit status when the settings are wrong or the machine is not ready for the server. */
    static final int CANNOT_START = 1;
    /** Exit status when the command line is malformed. */
    static final int USAGE = 2;

    private static final long serialVersionUID = 1L;

    private final int exitStatus;

    LaunchException(String message, int exitStatus) {
        super(message);
        this.exitStatus = exitStatus;
    }

    LaunchException(String message, Throwable cause) {
        super(message, cause);
        this.exitStatus = CANNOT_START;
    }

    int exitStatus() {
        return exitStatus;
    }
}
