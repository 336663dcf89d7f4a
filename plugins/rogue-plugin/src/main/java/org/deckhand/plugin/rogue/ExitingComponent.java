package org.deckhand.plugin.rogue;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** A component that stops the JVM as soon as it activates, with exit status {@value #STATUS}. */
@Component(service = ExitingComponent.class, immediate = true)
public final class ExitingComponent {

    /** The exit status it asks for. */
    public static final int STATUS = 3;

    /** Calls {@code System.exit}. */
    @Activate
    public ExitingComponent() {
        System.exit(STATUS);
    }
}
