package org.deckhand.analysis.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The analysis pipeline's settings, configuration PID {@code org.deckhand.analysis}. */
@ObjectClassDefinition(name = "Analysis",
        description = "How many tracks are analysed at once, and how long an analyser may take.")
@interface AnalysisConfiguration {

    /** The configuration PID. */
    String PID = "org.deckhand.analysis";

    @AttributeDefinition(name = "Workers", description = "Tracks analysed at once. 0 means one less than the "
            + "machine's cores (at least one), which leaves a core for the API and the streams.", min = "0")
    int workers() default 0;

    @AttributeDefinition(name = "Call timeout (seconds)", description = "An analyser that does not return from one "
            + "call within this time counts as hung: it fails on that track and the others carry on.", min = "1")
    int callTimeoutSeconds() default 60;

    @AttributeDefinition(name = "Run timeout (seconds)", description = "The longest one analyser may work on one "
            + "track, all calls together.", min = "1")
    int runTimeoutSeconds() default 600;
}
