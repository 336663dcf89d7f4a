package org.deckhand.mixer.internal.service;

import java.util.List;
import java.util.Optional;
import org.deckhand.api.mixer.LiveMix;
import org.deckhand.api.mixer.LiveMixes;
import org.deckhand.mixer.internal.stream.RenderState;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The mixer's {@link LiveMixes} service: the mixes of the {@link MixService} as other bundles see them. */
@Component(service = LiveMixes.class)
public final class MixerLiveMixes implements LiveMixes {

    private final MixService mixes;

    /** @param mixes the mixes */
    @Activate
    public MixerLiveMixes(@Reference MixService mixes) {
        this.mixes = mixes;
    }

    @Override
    public List<LiveMix> playing() {
        return mixes.list().stream().filter(mix -> RenderState.PLAYING.name().equals(mix.state()))
                .map(MixerLiveMixes::of).toList();
    }

    @Override
    public LiveMix start(String query) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("a mix needs a query in the search language, such as genre:techno");
        }
        return of(mixes.create(new Seed(query.strip(), null, null), null));
    }

    @Override
    public Optional<String> publicUrl() {
        return mixes.publicUrl();
    }

    private static LiveMix of(MixView mix) {
        EntryView now = mix.nowPlaying();
        String nowPlaying = now == null ? null : Optional.ofNullable(now.artist()).orElse("Unknown Artist") + " - "
                + Optional.ofNullable(now.title()).orElse("track " + now.trackId());
        return new LiveMix(mix.id(), "Deckhand mix from " + mix.seed(), nowPlaying, mix.plan().size(),
                mix.listeners(), mix.streams().get("mp3"), mix.streams().get("m3u"));
    }
}
