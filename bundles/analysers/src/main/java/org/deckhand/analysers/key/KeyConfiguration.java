package org.deckhand.analysers.key;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the key analyser, configuration PID {@code org.deckhand.analysers.key}. */
@ObjectClassDefinition(id = KeyConfiguration.PID, name = "Key analyser",
        description = "How Deckhand finds the musical key of a track.")
public @interface KeyConfiguration {

    /** The configuration PID. */
    String PID = "org.deckhand.analysers.key";

    /**
     * @return the key profiles the chroma is matched against; changing them analyses every track again
     */
    @AttributeDefinition(name = "Key profiles", description = "TEMPERLEY_1999 suits most music; EDMA and EDMM "
            + "(Faraldo 2016) were derived from electronic dance music, and EDMM never reports a major key.")
    KeyProfile profile() default KeyProfile.TEMPERLEY_1999;
}
