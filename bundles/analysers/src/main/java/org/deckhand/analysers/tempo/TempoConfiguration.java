package org.deckhand.analysers.tempo;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the tempo and beat grid analysers, configuration PID {@code org.deckhand.analysers.tempo}. */
@ObjectClassDefinition(id = TempoConfiguration.PID, name = "Tempo analyser",
        description = "The tempo range in which the tempo and beat grid analysers report a track's BPM.")
public @interface TempoConfiguration {

    /** The configuration PID. */
    String PID = "org.deckhand.analysers.tempo";

    /**
     * @return the slowest tempo reported, BPM; slower music is reported at twice its tempo
     */
    @AttributeDefinition(name = "Slowest tempo (BPM)", min = "30", max = "200")
    double minBpm() default TempoRange.DEFAULT_MIN_BPM;

    /**
     * @return the fastest tempo reported, BPM, at least twice the slowest (it is raised to that); faster music is
     *     reported at half its tempo
     */
    @AttributeDefinition(name = "Fastest tempo (BPM)", min = "60", max = "400")
    double maxBpm() default TempoRange.DEFAULT_MAX_BPM;
}
