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
    @AttributeDefinition(name = "Key profiles", description = "EDMA (Faraldo 2016) scored best on Deckhand's labelled "
            + "set of many genres; EDMM never reports a major key; KRUMHANSL and the TEMPERLEY profiles are for "
            + "comparison.")
    KeyProfile profile() default KeyProfile.EDMA;
}
