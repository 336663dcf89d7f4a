package org.deckhand.subsonic.internal;

import org.deckhand.api.mixer.LiveMix;
import org.deckhand.api.mixer.LiveMixes;

/**
 * {@code getInternetRadioStations}: the mixer's live mixes, each a station whose {@code streamUrl} is the mix's MP3
 * stream (with the token that opens it) and whose {@code homePageUrl} is its page in the console, so that a Subsonic
 * client plays a beat-matched mix as it plays a radio station. The addresses are under the mixer's setting
 * {@code publicUrl} when it is set, else under the address the client reached the server at. No stations when the
 * mixer does not run.
 */
final class RadioStations implements Endpoint {

    private final LiveMixes mixes;

    /** @param mixes the mixer's live mixes; null when the mixer does not run */
    RadioStations(LiveMixes mixes) {
        this.mixes = mixes;
    }

    @Override
    public void answer(Call call, Element answer) {
        Element stations = answer.child("internetRadioStations").emptyList("internetRadioStation");
        if (mixes == null) {
            return;
        }
        String server = mixes.publicUrl().orElse(call.serverUrl());
        for (LiveMix mix : mixes.playing()) {
            String name = mix.nowPlaying() == null ? mix.name() : mix.name() + " (now: " + mix.nowPlaying() + ")";
            stations.add("internetRadioStation").attr("id", mix.id()).attr("name", name)
                    .attr("streamUrl", server + mix.streamPath()).attr("homePageUrl", server + "/mixes/" + mix.id());
        }
    }
}
