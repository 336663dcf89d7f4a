package org.deckhand.notifier.internal.channel;

import java.util.Optional;

/** Looks through an exception's chain of causes. */
final class Failures {

    private Failures() {
    }

    /**
     * @param failure an exception
     * @param type a kind of exception
     * @return the first exception of that kind in the failure's chain of causes, the failure included
     */
    static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        for (Throwable link = failure; link != null; link = link.getCause() == link ? null : link.getCause()) {
            if (type.isInstance(link)) {
                return Optional.of(type.cast(link));
            }
        }
        return Optional.empty();
    }

    /**
     * @param failure an exception
     * @return the message of the deepest cause, or its class's name when it has none, on one line
     */
    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.strip().replaceAll("\\s+", " ");
    }
}
