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
     * @return the key profiles the chroma of a track is matched against, unless its genre tag names electronic dance
     *     music; changing them analyses every track again
     */
    @AttributeDefinition(name = "Key profiles", description = "For every track but electronic dance music. "
            + "KRUMHANSL (Krumhansl and Kessler 1982) scored best on Deckhand's labelled set of many genres; the "
            + "TEMPERLEY profiles are for comparison.")
    KeyProfile profile() default KeyProfile.KRUMHANSL;

    /**
     * @return the key profiles for tracks whose genre tag names electronic dance music (house, techno, trance,
     *     drum and bass...); changing them analyses every track again
     */
    @AttributeDefinition(name = "Key profiles for electronic dance music", description = "For tracks whose genre "
            + "tag names electronic dance music. EDMA (Faraldo 2016) was derived from that music; EDMM never reports "
            + "a major key.")
    KeyProfile electronicProfile() default KeyProfile.EDMA;
}
