package org.deckhand.subsonic.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.xml.stream.XMLStreamException;
import org.deckhand.api.audio.Mp3Transcoder;
import org.deckhand.api.catalog.Annotations;
import org.deckhand.api.catalog.Annotations.Annotation;
import org.deckhand.api.library.Artwork;
import org.deckhand.api.library.ArtworkThumbnails;
import org.deckhand.api.library.TagReader;
import org.deckhand.api.mixer.LiveMixes;
import org.deckhand.api.runtime.RuntimeProperties;
import org.deckhand.api.security.Authenticator;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /rest/NAME} and {@code /rest/NAME.view}: the Subsonic API 1.16.1 with OpenSubsonic extensions, by GET or
 * by POST of a form. Answers are XML ({@code subsonic-rest-api-1.16.1.xsd}) unless {@code f=json} asks for JSON;
 * a refused request is a {@code failed} answer with the Subsonic error code (HTTP 200, as Subsonic clients expect;
 * 404 for an unknown endpoint), never an HTTP 500. Registered with the HTTP whiteboard.
 */
@Component(service = {Servlet.class, SubsonicServlet.class}, property = {
    "osgi.http.whiteboard.servlet.pattern=/rest/*",
    "osgi.http.whiteboard.servlet.name=deckhand-subsonic"})
public final class SubsonicServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SubsonicServlet.class);

    private final transient LibraryView library;
    private final transient Annotations annotations;
    private final transient SubsonicAuth auth;
    private final transient PlayerCredentials player;
    private final transient ArtworkThumbnails covers;
    private final transient Transcoder transcoder;
    private final transient Map<String, Endpoint> endpoints = new HashMap<>();
    private final String serverVersion;

    /**
     * Opens the player account in {@code DATA/subsonic}.
     *
     * @param context this bundle's context, for the data folder and Deckhand's version
     * @param library the library as the API shows it
     * @param authenticator checks API keys
     * @param covers the artwork in the files, whole or as thumbnails
     * @param annotations the owner's stars, ratings, plays, playlists and play queue
     * @param tags reads the songs' lyrics
     * @param mixes the mixer's live mixes, offered as internet radio stations; null when the mixer does not run
     * @param mp3 the mixer's MP3 encoding, for {@code stream}; null when the mixer does not run
     * @throws IOException if the player account cannot be read
     */
    @Activate
    public SubsonicServlet(BundleContext context, @Reference LibraryView library,
            @Reference Authenticator authenticator, @Reference ArtworkThumbnails covers,
            @Reference Annotations annotations, @Reference TagReader tags,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            LiveMixes mixes,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            Mp3Transcoder mp3) throws IOException {
        Path folder = Path.of(context.getProperty(RuntimeProperties.DATA), "subsonic");
        this.library = library;
        this.annotations = annotations;
        this.player = new PlayerCredentials(folder);
        this.auth = new SubsonicAuth(authenticator, player);
        this.covers = covers;
        this.transcoder = new Transcoder(Transcoder.find(System.getenv("PATH")), mp3);
        this.serverVersion = Optional.ofNullable(context.getProperty(RuntimeProperties.VERSION)).orElse("unknown");
        SystemEndpoints.register(endpoints, transcoder.available());
        BrowsingEndpoints.register(endpoints);
        ListEndpoints.register(endpoints, new SecureRandom());
        SimilarEndpoints.register(endpoints);
        endpoints.put("getInternetRadioStations", new RadioStations(mixes));
        LyricsEndpoints.register(endpoints, tags);
        new AnnotationEndpoints(Clock.systemUTC(), new NowPlaying(Clock.systemUTC())).register(endpoints);
    }

    /** @return the player account, for the REST resource that sets it */
    PlayerCredentials player() {
        return player;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, false);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, false);
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, true);
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, boolean headOnly)
            throws IOException {
        Params params = new Params(request.getParameterMap());
        boolean json = "json".equalsIgnoreCase(params.get("f"));
        String name = endpointName(request.getPathInfo());
        try {
            boolean media = name.equals("stream") || name.equals("download") || name.equals("getCoverArt");
            Endpoint endpoint = endpoints.get(name);
            if (endpoint == null && !media) {
                response.setStatus(HttpServletResponse.SC_NOT_FOUND);
                throw new SubsonicException(SubsonicException.GENERIC, "Deckhand does not offer the endpoint '" + name
                        + "' (see docs/subsonic.md)");
            }
            String principal = null;
            boolean hasCredentials = params.get("apiKey") != null || params.get("u") != null;
            if (!SystemEndpoints.OPEN.contains(name) || (hasCredentials && !name.equals("getOpenSubsonicExtensions"))) {
                principal = auth.authenticate(params, request.getRemoteAddr());
            }
            LibrarySnapshot snapshot = SystemEndpoints.OPEN.contains(name) ? null : library.current();
            Endpoint.Call call = new Endpoint.Call(params, snapshot, principal, annotations, new Marks(annotations),
                    serverUrl(request));
            if (media) {
                serveMedia(name, call, request, response, headOnly);
                return;
            }
            Element answer = Answers.ok(serverVersion);
            endpoint.answer(call, answer);
            write(answer, json, response);
        } catch (SubsonicException refused) {
            write(Answers.failed(serverVersion, refused.code(), refused.getMessage()), json, response);
        } catch (RuntimeException | NoSuchFileException e) {
            LOG.warn("Subsonic request {} failed", name, e);
            if (!response.isCommitted()) {
                response.reset();
                write(Answers.failed(serverVersion, SubsonicException.GENERIC, name + " failed: " + e), json,
                        response);
            }
        }
    }

    private void serveMedia(String name, Endpoint.Call call, HttpServletRequest request,
            HttpServletResponse response, boolean headOnly) throws SubsonicException, IOException {
        if (name.equals("getCoverArt")) {
            String id = call.params().required("id");
            int size = call.params().integer("size", 0, 1, ArtworkThumbnails.MAX_SIZE);
            Song song = coverSong(call.library(), id);
            Artwork artwork = covers.artwork(song.path(), size)
                    .orElseThrow(() -> SubsonicException.notFound("Cover art", id));
            response.setContentType(artwork.mimeType());
            response.setContentLength(artwork.data().length);
            response.setHeader("Cache-Control", "max-age=86400");
            if (!headOnly) {
                response.getOutputStream().write(artwork.data());
            }
            return;
        }
        Song song = call.song("id");
        if (!Files.isReadable(song.path())) {
            throw new SubsonicException(SubsonicException.NOT_FOUND, "The file of song " + song.id()
                    + " is missing or unreadable; the library's next scan will notice");
        }
        if (name.equals("stream")) {
            Optional<Transcoder.Target> target = transcoder.target(song, call.params());
            if (target.isPresent()) {
                transcoder.send(song, target.get(), headOnly, response);
                return;
            }
        }
        if (name.equals("download")) {
            response.setHeader("Content-Disposition", "attachment; filename=\""
                    + song.path().getFileName().toString().replace("\"", "") + "\"");
        }
        FileSender.send(song.path(), Answers.contentType(song.suffix()), request.getHeader("Range"), headOnly,
                response);
    }

    private static Song coverSong(LibrarySnapshot library, String id) throws SubsonicException {
        Optional<Song> song = Ids.trackId(id).flatMap(library::song)
                .or(() -> library.album(id).flatMap(album -> Optional.ofNullable(album.coverSongId()))
                        .flatMap(Ids::trackId).flatMap(library::song))
                .or(() -> library.artist(id).map(Artist::coverArt).flatMap(library::album)
                        .flatMap(album -> Optional.ofNullable(album.coverSongId())).flatMap(Ids::trackId)
                        .flatMap(library::song));
        return song.orElseThrow(() -> SubsonicException.notFound("Cover art", id));
    }

    /** @return the scheme, host, port and context path the client reached the server at, such as http://nas:8750 */
    private static String serverUrl(HttpServletRequest request) {
        StringBuffer url = request.getRequestURL();
        return url.substring(0, url.length() - request.getRequestURI().length()) + request.getContextPath();
    }

    /**
     * @param pathInfo the path after {@code /rest}, such as {@code /ping.view}
     * @return the endpoint's name, such as {@code ping}
     */
    static String endpointName(String pathInfo) {
        String name = pathInfo == null ? "" : pathInfo.startsWith("/") ? pathInfo.substring(1) : pathInfo;
        return name.endsWith(".view") ? name.substring(0, name.length() - ".view".length()) : name;
    }

    private static void write(Element answer, boolean json, HttpServletResponse response) throws IOException {
        response.setCharacterEncoding("UTF-8");
        response.setContentType(json ? "application/json" : "text/xml");
        OutputStream out = response.getOutputStream();
        if (json) {
            JsonAnswer.write(answer, out);
        } else {
            try {
                XmlAnswer.write(answer, out);
            } catch (XMLStreamException e) {
                throw new IOException("Cannot write the XML answer", e);
            }
        }
    }

    /** Reads every annotation on first use, once per request. */
    private static final class Marks implements Supplier<Map<String, Annotation>> {

        private final Annotations annotations;
        private Map<String, Annotation> read;

        Marks(Annotations annotations) {
            this.annotations = annotations;
        }

        @Override
        public Map<String, Annotation> get() {
            if (read == null) {
                read = annotations.all();
            }
            return read;
        }
    }
}
