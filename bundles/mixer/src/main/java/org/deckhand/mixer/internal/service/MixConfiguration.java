package org.deckhand.mixer.internal.service;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The mixer's settings, configuration PID {@code org.deckhand.mixer}: the defaults of every new mix. */
@ObjectClassDefinition(name = "Streaming mixer",
        description = "Plans beat-matched, harmonically ordered mixes and streams them to players on the network. "
                + "These are the defaults of a new mix; a request may choose otherwise.")
public @interface MixConfiguration {

    /** The configuration PID. */
    String PID = "org.deckhand.mixer";

    @AttributeDefinition(name = "MP3 bit rate", description = "The stream's constant bit rate, kbit/s, when the "
            + "player does not ask for another (32 to 320).", min = "32", max = "320")
    int bitRateKbps() default 192;

    @AttributeDefinition(name = "Crossfade bars", description = "How many bars of the outgoing track a transition "
            + "lasts (1 to 64).", min = "1", max = "64")
    int bars() default 16;

    @AttributeDefinition(name = "Bass swap", description = "Swap the two tracks' low bands in the middle of the "
            + "crossfade, over one beat, as DJs do, instead of fading them with the rest.")
    boolean bassSwap() default false;

    @AttributeDefinition(name = "BPM window", description = "The largest tempo difference from one track to the "
            + "next, per cent (0.5 to 50).", min = "0.5", max = "50")
    double bpmWindowPercent() default 6;

    @AttributeDefinition(name = "Artist spacing", description = "How many tracks must separate two tracks of the "
            + "same artist.")
    int artistSpacing() default 3;

    @AttributeDefinition(name = "Plan length", description = "How many tracks a new mix plans, the seed included; "
            + "the plan can be extended while the mix plays.")
    int planLength() default 12;

    @AttributeDefinition(name = "Buffer", description = "How far ahead of real time a mix is rendered, seconds, to "
            + "ride out a slow disk or a busy CPU (1 to 30). Players receive the stream half a second ahead of real "
            + "time whatever this is, so a skip is heard within about a second.", min = "1", max = "30")
    double bufferSeconds() default 4;

    @AttributeDefinition(name = "Pause without listeners", description = "How long a mix plays on without any "
            + "listener before it pauses (and uses no CPU) until the next listener comes, seconds.")
    double idleSeconds() default 30;

    @AttributeDefinition(name = "Maximum mixes", description = "How many mixes may play at once; a paused mix counts "
            + "until it is forgotten (see Forget paused mixes).")
    int maxMixes() default 4;

    @AttributeDefinition(name = "Forget paused mixes", description = "How long a mix may stay paused without any "
            + "listener before it is stopped and forgotten, so that it no longer counts against the maximum, seconds "
            + "(0 forgets it as soon as it pauses).")
    double expireSeconds() default 3600;

    @AttributeDefinition(name = "Public URL", description = "The address players reach the server at, such as "
            + "https://music.example.org behind a reverse proxy: M3U and PLS playlists list the streams under it. "
            + "Empty: the address and port that each player connected to (never the Host header a request claims).")
    String publicUrl() default "";
}
