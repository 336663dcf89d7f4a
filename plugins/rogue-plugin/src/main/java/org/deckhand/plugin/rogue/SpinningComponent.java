package org.deckhand.plugin.rogue;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * A component that starts a thread named {@value #THREAD} as it activates, which spins on a processor forever: it
 * ignores interruption, and the component has no deactivation that would stop it.
 */
@Component(service = SpinningComponent.class, immediate = true)
public final class SpinningComponent {

    /** The name of the thread it starts. */
    public static final String THREAD = "rogue-spinner";

    private volatile long spins;

    /** Starts the thread. */
    @Activate
    public SpinningComponent() {
        Thread spinner = new Thread(this::spin, THREAD);
        spinner.setDaemon(true);
        spinner.start();
    }

    private void spin() {
        while (true) {
            spins++;
        }
    }
}
