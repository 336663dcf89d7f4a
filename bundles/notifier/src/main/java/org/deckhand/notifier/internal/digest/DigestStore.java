package org.deckhand.notifier.internal.digest;

import java.util.List;
import org.deckhand.api.notify.Kind;
import org.deckhand.api.notify.Message;
import org.deckhand.notifier.internal.store.DigestWindows;

/** Where the {@link DigestCollector} keeps its open windows and sends what they become. */
public interface DigestStore {

    /**
     * Sends an urgent notice's message at once.
     *
     * @param message the message
     */
    void publish(Message message);

    /**
     * Stores an open window as it is now, before the notice that changed it counts as taken.
     *
     * @param window the window
     */
    void save(DigestWindows.Stored window);

    /**
     * Stores a closed window's digest in the outbox and removes the window, in one transaction: after a crash, either
     * the window is still there (and is closed again at the next start) or its digest is in the outbox, never both.
     *
     * @param kind the window's kind
     * @param digest the message it became
     */
    void close(Kind kind, Message digest);

    /** @return the windows stored open, such as after a crash or a restart */
    List<DigestWindows.Stored> open();
}
