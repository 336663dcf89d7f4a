package org.deckhand.mixer.internal.service;

import java.nio.file.Path;
import org.deckhand.cue.internal.CueSheetService;
import org.deckhand.mixer.internal.testing.RecordingEventAdmin;

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

    /** @param service a service whose mixes to stop */
    public static void stop(MixService service) {
        service.deactivate();
    }
}
