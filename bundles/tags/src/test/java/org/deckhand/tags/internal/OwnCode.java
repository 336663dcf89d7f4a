package org.deckhand.tags.internal;

/** Tells a fuzz test whether an exception that a reader wrapped was thrown by Deckhand's own code. */
final class OwnCode {

    private static final String OWN_PACKAGE = "org.deckhand.";

    private OwnCode() {
    }

    /**
     * @param cause the cause of a reader's checked exception, or null
     * @throws RuntimeException the cause itself, if it is a runtime exception thrown from a class of Deckhand's
     */
    static void rethrowIfItFailed(Throwable cause) {
        if (cause instanceof RuntimeException runtime && thrownByOwnCode(runtime)) {
            throw runtime;
        }
    }

    private static boolean thrownByOwnCode(Throwable thrown) {
        StackTraceElement[] frames = thrown.getStackTrace();
        for (StackTraceElement frame : frames) {
            if (frame.getClassName().startsWith("java.") || frame.getClassName().startsWith("jdk.")) {
                continue;
            }
            return frame.getClassName().startsWith(OWN_PACKAGE);
        }
        return false;
    }
}
