package org.deckhand.mixer.internal.service;

import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;
import org.deckhand.cue.internal.CueSheetService;
import org.deckhand.testing.RecordingEventAdmin;

/** Builds mixer services over the synthetic {@link TestLibrary}, for tests in other packages. */
public final class TestServices {

    private TestServices() {
    }

    /**
     * @param data the data folder
     * @param maxMixes how many mixes may play at once
     * @return the service, with a buffer of one second
     */
    public static MixService mixService(Path data, int maxMixes) {
        return new MixService(new TestLibrary(), TestLibrary.opener(), new CueSheetService(),
                new RecordingEventAdmin(), TestLibrary.configuration(maxMixes), data);
    }

    /**
     * @param service a service built by {@link #mixService}
     * @param maxMixes how many mixes may play at once
     * @param publicUrl its new setting publicUrl
     */
    public static void setPublicUrl(MixService service, int maxMixes, String publicUrl) {
        service.modified(TestLibrary.configuration(maxMixes, publicUrl));
    }

    /**
     * Waits until the render of a mix has taken its second track, as it does once the first plays alone, so that a
     * test edits a plan whose tracks in the mixer's hands no longer change under it.
     *
     * @param service a service built by {@link #mixService}
     * @param mixId the mix
     * @return the mix as it is then
     * @throws AssertionError if the render has not taken it within ten seconds
     */
    public static MixView awaitSecondTrackTaken(MixService service, String mixId) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        MixView mix = service.get(mixId);
        while (mix.plan().size() > 1 && mix.plan().get(1).editable()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the render of mix " + mixId + " has not taken its second track: "
                        + mix.plan());
            }
            LockSupport.parkNanos(20_000_000L);
            mix = service.get(mixId);
        }
        return mix;
    }

    /** @param service a service whose mixes to stop */
    public static void stop(MixService service) {
        service.deactivate();
    }
}
