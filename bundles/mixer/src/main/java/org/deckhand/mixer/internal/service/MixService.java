package org.deckhand.mixer.internal.service;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.deckhand.api.audio.AudioDecoder;
import org.deckhand.api.catalog.Catalog;
import org.deckhand.api.catalog.Crates;
import org.deckhand.api.cue.CueSheetWriter;
import org.deckhand.api.runtime.RuntimeProperties;
import org.deckhand.api.search.TrackIndex;
import org.deckhand.mixer.internal.audio.DecoderTrackOpener;
import org.deckhand.mixer.internal.encode.AudioEncoder;
import org.deckhand.mixer.internal.encode.FlacEncoder;
import org.deckhand.mixer.internal.encode.Mp3Encoder;
import org.deckhand.mixer.internal.encode.StreamFormat;
import org.deckhand.mixer.internal.encode.WavEncoder;
import org.deckhand.mixer.internal.plan.MixPlan;
import org.deckhand.mixer.internal.plan.MixPlanner;
import org.deckhand.mixer.internal.render.MixRenderer;
import org.deckhand.mixer.internal.render.TrackOpener;
import org.deckhand.mixer.internal.render.TransitionOptions;
import org.deckhand.mixer.internal.stream.Listening;
import org.deckhand.mixer.internal.stream.RenderState;
import org.deckhand.mixer.internal.stream.SharedRender;
import org.deckhand.mixer.internal.stream.StreamKey;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mixes: plans them from a seed, plays each through a {@link SharedRender} that its listeners share, and
 * extends, edits, skips, stops and renders them to files, posting EventAdmin events under
 * {@code org/deckhand/mixer/} as it goes (see {@link org.deckhand.api.event.Topics}). A mix lives in memory until it
 * is deleted or the server stops. Thread-safe.
 *
 * <p>Every method that takes a mix id throws {@link NoSuchElementException} when there is no such mix.
 */
@Component(service = MixService.class, configurationPid = MixConfiguration.PID)
@Designate(ocd = MixConfiguration.class)
public final class MixService {

    /** The sample rate of every mix, Hz. */
    public static final int SAMPLE_RATE_HZ = 44_100;
    private static final Logger LOG = LoggerFactory.getLogger(MixService.class);
    private static final String RENDERS = "renders";
    private static final int ID_BYTES = 6;

    private final SeedResolver seeds;
    private final TrackOpener opener;
    private final CueSheetWriter cueSheets;
    private final Path rendersFolder;
    private final MixEvents events;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, LiveMix> mixes = new LinkedHashMap<>();
    private volatile MixConfiguration configuration;
    private volatile Optional<String> publicUrl;

    /**
     * @param context gives the data folder
     * @param catalog the tracks' facts and files
     * @param crates the crates behind crate seeds
     * @param index the search behind query seeds
     * @param decoder decodes the tracks
     * @param cueSheets writes the tracklists' CUE sheets
     * @param eventAdmin where the mixer's events go
     * @param configuration the defaults
     */
    @Activate
    public MixService(BundleContext context, @Reference Catalog catalog, @Reference Crates crates,
            @Reference TrackIndex index, @Reference AudioDecoder decoder, @Reference CueSheetWriter cueSheets,
            @Reference EventAdmin eventAdmin, MixConfiguration configuration) {
        this(new CatalogLibrary(catalog, crates, index), decoder, cueSheets, eventAdmin, configuration,
                Path.of(context.getProperty(RuntimeProperties.DATA)));
    }

    private MixService(CatalogLibrary library, AudioDecoder decoder, CueSheetWriter cueSheets,
            EventAdmin eventAdmin, MixConfiguration configuration, Path data) {
        this(library, new DecoderTrackOpener(decoder, library::file, SAMPLE_RATE_HZ), cueSheets, eventAdmin,
                configuration, data);
    }

    /**
     * @param library the tracks
     * @param opener opens the tracks' audio at {@value #SAMPLE_RATE_HZ} Hz
     * @param cueSheets writes the tracklists' CUE sheets
     * @param eventAdmin where the mixer's events go
     * @param configuration the defaults
     * @param dataFolder the data folder, whose {@code renders/} receives rendered mixes
     */
    MixService(TrackLibrary library, TrackOpener opener, CueSheetWriter cueSheets, EventAdmin eventAdmin,
            MixConfiguration configuration, Path dataFolder) {
        seeds = new SeedResolver(library);
        events = new MixEvents(eventAdmin);
        this.opener = opener;
        this.cueSheets = cueSheets;
        this.configuration = configuration;
        this.publicUrl = publicUrlOf(configuration);
        rendersFolder = dataFolder.resolve(RENDERS);
    }

    /** @param changed the new defaults, for the mixes created from now on */
    @Modified
    void modified(MixConfiguration changed) {
        configuration = changed;
        publicUrl = publicUrlOf(changed);
    }

    /** Stops every mix and every render. */
    @Deactivate
    void deactivate() {
        synchronized (mixes) {
            for (LiveMix mix : mixes.values()) {
                mix.render().stop();
                RenderJob job = mix.renderJob();
                if (job != null) {
                    job.cancel();
                }
            }
            mixes.clear();
        }
    }

    /**
     * @return the setting publicUrl without a trailing slash, such as {@code https://music.example.org}, where
     *     playlists list the streams; empty when it is unset, or not an absolute http or https URL (which is logged
     *     when the setting is read)
     */
    public Optional<String> publicUrl() {
        return publicUrl;
    }

    private static Optional<String> publicUrlOf(MixConfiguration configuration) {
        String setting = configuration.publicUrl() == null ? "" : configuration.publicUrl().strip();
        if (setting.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI url = new URI(setting);
            if (("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getHost() != null
                    && url.getRawQuery() == null && url.getRawFragment() == null) {
                return Optional.of(setting.replaceAll("/+$", ""));
            }
        } catch (URISyntaxException malformed) {
            // Logged below, as any other URL that cannot serve.
        }
        LOG.warn("publicUrl of {} is not an absolute http or https URL without query: '{}'; playlists use the "
                + "address each player connected to", MixConfiguration.PID, setting);
        return Optional.empty();
    }

    /** @return the default MP3 bit rate of the streams, kbit/s */
    public int defaultBitRateKbps() {
        return configuration.bitRateKbps();
    }

    /**
     * Plans a mix and starts playing it at once.
     *
     * @param seed what it starts from
     * @param options its options, each null for the default
     * @return the new mix
     * @throws IllegalArgumentException if the seed or an option is malformed, or the seed finds no playable track
     * @throws IllegalStateException if the most mixes allowed already play
     */
    public MixView create(Seed seed, MixOptions options) {
        SeedResolver.check(seed);
        MixConfiguration defaults = configuration;
        int defaultLength = seed != null && seed.trackIds() != null && seed.query() == null && seed.trackId() == null
                ? seed.trackIds().size() : defaults.planLength();
        MixSettings settings = MixSettings.of(options, defaults, defaultLength);
        SeedResolver.Pool pool = seeds.resolve(seed);
        MixPlanner planner = new MixPlanner(pool.tracks(), settings.planOptions(seed.describe()));
        MixPlan plan = planner.start(pool.first(), settings.length() - 1);
        synchronized (mixes) {
            forgetExpired(defaults);
            long playing = mixes.values().stream().filter(mix -> mix.render().state() == RenderState.PLAYING)
                    .count();
            if (playing >= defaults.maxMixes()) {
                throw new IllegalStateException(playing + " mixes play already, the most allowed (maxMixes in "
                        + MixConfiguration.PID + "); stop or delete one first, or wait: a mix paused without "
                        + "listeners is forgotten after " + Math.round(expiryNanos(defaults) / 1e9) + " s "
                        + "(expireSeconds)");
            }
            String id = newId();
            LiveMix mix = new LiveMix(id, seed.describe(), planner, plan, settings, SAMPLE_RATE_HZ, events);
            TransitionOptions transitions = settings.transitionOptions();
            SharedRender render = new SharedRender(
                    listener -> new MixRenderer(mix.first(), mix, opener, transitions, listener), mix,
                    MixService::encoder, SAMPLE_RATE_HZ, Math.max(1, Math.min(30, defaults.bufferSeconds())),
                    defaults.idleSeconds(), "deckhand-mix-" + id);
            mixes.put(id, mix);
            events.started(id, plan.tracks().size());
            mix.play(render);
            return mix.view();
        }
    }

    /** Stops and forgets the mixes paused without listeners for longer than the configuration's expiry. */
    private void forgetExpired(MixConfiguration defaults) {
        long expiry = expiryNanos(defaults);
        for (Iterator<LiveMix> all = mixes.values().iterator(); all.hasNext();) {
            LiveMix mix = all.next();
            long paused = mix.render().pausedNanos();
            if (paused > expiry) {
                mix.render().stop();
                all.remove();
                LOG.info("Mix {} was paused without listeners for {} s and is forgotten (expireSeconds in {})",
                        mix.id(), paused / 1_000_000_000, MixConfiguration.PID);
            }
        }
    }

    private static long expiryNanos(MixConfiguration defaults) {
        return Math.round(Math.max(0, defaults.expireSeconds()) * 1e9);
    }

    private String newId() {
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static AudioEncoder encoder(StreamKey key) throws IOException {
        return switch (key.format()) {
            case MP3 -> new Mp3Encoder(SAMPLE_RATE_HZ, key.bitRateKbps());
            case FLAC -> new FlacEncoder(SAMPLE_RATE_HZ);
            case WAV -> new WavEncoder(SAMPLE_RATE_HZ);
        };
    }

    /** @return every mix, oldest first; mixes paused for longer than the expiry are forgotten first */
    public List<MixView> list() {
        List<LiveMix> all;
        synchronized (mixes) {
            forgetExpired(configuration);
            all = new ArrayList<>(mixes.values());
        }
        return all.stream().map(LiveMix::view).toList();
    }

    /**
     * @param id a mix id
     * @return the mix
     */
    public MixView get(String id) {
        return mix(id).view();
    }

    /**
     * Starts the transition to the next track now: listeners hear it within about a second.
     *
     * @param id a mix id
     * @return the mix
     * @throws IllegalStateException if the mix has stopped or ended: there is nothing to skip
     */
    public MixView skip(String id) {
        LiveMix mix = mix(id);
        SharedRender render = mix.render();
        if (render.state() != RenderState.PLAYING) {
            throw new IllegalStateException("Mix " + id + " cannot skip: " + render.endedMessage()
                    + "; start a new mix");
        }
        render.skip();
        return mix.view();
    }

    /**
     * @param id a mix id
     * @param count how many tracks to add to its plan, 1 to 500
     * @return the mix
     * @throws IllegalArgumentException if the count is out of range
     */
    public MixView extend(String id, int count) {
        if (count < 1 || count > 500) {
            throw new IllegalArgumentException("count must lie in 1..500, not " + count);
        }
        LiveMix mix = mix(id);
        mix.extend(count);
        return planChanged(mix);
    }

    /**
     * Takes a track out of a mix's plan before the render has taken it.
     *
     * @param id a mix id
     * @param trackId the planned track's id
     * @return the mix
     * @throws NoSuchElementException also when the plan does not hold the track
     * @throws IllegalArgumentException if the track id is not a number
     * @throws IllegalStateException if the render has taken the track: it plays, has played or is being mixed in
     */
    public MixView removeFromPlan(String id, String trackId) {
        LiveMix mix = mix(id);
        mix.remove(SeedResolver.number(trackId));
        return planChanged(mix);
    }

    /**
     * Moves a planned track, before the render has taken it, to another place among those it has not taken.
     *
     * @param id a mix id
     * @param trackId the planned track's id
     * @param position where it goes, counted from 0 in the mix's {@link MixView#plan()}
     * @return the mix
     * @throws NoSuchElementException also when the plan does not hold the track
     * @throws IllegalArgumentException if the track id is not a number or the position lies outside the plan
     * @throws IllegalStateException if the render has taken the track, or the track at that position: it plays,
     *     has played or is being mixed in
     */
    public MixView moveInPlan(String id, String trackId, int position) {
        LiveMix mix = mix(id);
        mix.move(SeedResolver.number(trackId), position);
        return planChanged(mix);
    }

    private MixView planChanged(LiveMix mix) {
        MixView view = mix.view();
        events.planChanged(mix.id(), view.plan().size());
        return view;
    }

    /**
     * Puts a track of the library next in a mix's plan, whether the planner chose it or not (a track without key
     * or BPM gets a plain crossfade); a track planned later moves up.
     *
     * @param id a mix id
     * @param trackId the track's id
     * @return the mix
     * @throws IllegalArgumentException if the track id is not a number or the library has no such track
     * @throws IllegalStateException if the render has taken the track already
     */
    public MixView playNext(String id, String trackId) {
        LiveMix mix = mix(id);
        mix.playNext(seeds.track(trackId).orElseThrow(() -> new IllegalArgumentException("there is no playable "
                + "track " + trackId)));
        return planChanged(mix);
    }

    /**
     * Stops a mix; its listeners' streams end.
     *
     * @param id a mix id
     * @return the mix
     */
    public MixView stop(String id) {
        LiveMix mix = mix(id);
        mix.render().stop();
        return mix.view();
    }

    /**
     * Stops and forgets a mix.
     *
     * @param id a mix id
     */
    public void delete(String id) {
        LiveMix mix;
        synchronized (mixes) {
            mix = mixes.remove(id);
        }
        if (mix == null) {
            throw new NoSuchElementException("There is no mix " + id);
        }
        mix.render().stop();
    }

    /**
     * Gives a mix a new token; the old one is revoked at once, and the streams opened with it end.
     *
     * @param id a mix id
     * @return the new token
     */
    public String renewToken(String id) {
        return mix(id).renewToken();
    }

    /**
     * @param id a mix id
     * @param token a token, or null
     * @return whether it is the mix's token; false for an unknown or deleted mix
     */
    public boolean tokenMatches(String id, String token) {
        LiveMix mix;
        synchronized (mixes) {
            mix = mixes.get(id);
        }
        return mix != null && mix.tokenMatches(token);
    }

    /**
     * Joins a listener to a mix's stream.
     *
     * @param id a mix id
     * @param key the format and bit rate
     * @return the listener's stream, to close when it goes
     * @throws IOException if the encoder cannot be created
     * @throws IllegalStateException if the mix no longer plays
     */
    public Listening listen(String id, StreamKey key) throws IOException {
        return mix(id).render().join(key);
    }

    /**
     * @param id a mix id
     * @return the tracks listeners have heard start, in order
     */
    public List<TracklistEntry> tracklist(String id) {
        return mix(id).tracklist();
    }

    /**
     * @param id a mix id
     * @return its tracklist so far as a CUE sheet of its MP3 stream
     * @throws IllegalStateException if no track has started yet
     */
    public String cueSheet(String id) {
        List<TracklistEntry> tracklist = tracklist(id);
        if (tracklist.isEmpty()) {
            throw new IllegalStateException("No track of mix " + id + " has started yet: its CUE sheet has no track");
        }
        return cueSheets.write(MixCueSheet.draft(id, id + ".mp3", null, tracklist)).text();
    }

    /**
     * Starts rendering the whole planned mix into a new file, unless a render of it is running.
     *
     * @param id a mix id
     * @param format FLAC or MP3
     * @return the render's status
     * @throws IllegalArgumentException if the format is WAV
     * @throws IOException if the file cannot be created
     */
    public RenderStatus render(String id, StreamFormat format) throws IOException {
        if (format == StreamFormat.WAV) {
            throw new IllegalArgumentException("a mix renders to flac or mp3, not wav");
        }
        LiveMix mix = mix(id);
        synchronized (mix) {
            RenderJob running = mix.renderJob();
            if (running != null && running.running()) {
                return running.status();
            }
            RenderJob job = new RenderJob(id, mix.plannedTracks(), opener, mix.settings().transitionOptions(),
                    format, configuration.bitRateKbps(), rendersFolder, cueSheets, events, System::nanoTime);
            mix.renderJob(job);
            Thread thread = new Thread(job, "deckhand-render-" + id);
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            thread.start();
            return job.status();
        }
    }

    /**
     * @param id a mix id
     * @return the status of its latest render
     * @throws NoSuchElementException also when the mix has never been rendered
     */
    public RenderStatus renderStatus(String id) {
        RenderJob job = mix(id).renderJob();
        if (job == null) {
            throw new NoSuchElementException("Mix " + id + " has not been rendered; POST to its render first");
        }
        return job.status();
    }

    private LiveMix mix(String id) {
        synchronized (mixes) {
            LiveMix mix = mixes.get(id);
            if (mix == null) {
                throw new NoSuchElementException("There is no mix " + id);
            }
            return mix;
        }
    }
}
