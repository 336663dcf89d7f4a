package org.deckhand.api.analysis;

/**
 * Thrown by an analyser that cannot analyse a track. Its message is shown to the user as the reason, so it should
 * say what was wrong in words a user understands.
 */
public class AnalysisException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, for the user
     */
    public AnalysisException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, for the user
     * @param cause the underlying failure
     */
    public AnalysisException(String message, Throwable cause) {
        super(message, cause);
    }
}
