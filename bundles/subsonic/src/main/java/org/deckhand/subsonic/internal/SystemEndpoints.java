package org.deckhand.subsonic.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The system endpoints: ping, getLicense, getOpenSubsonicExtensions, getUser, getScanStatus.
 */
final class SystemEndpoints {

    /** The endpoints answered without credentials: ping and getLicense check them only when given. */
    static final Set<String> OPEN = Set.of("ping", "getLicense", "getOpenSubsonicExtensions");

    /** The extensions announced always, each with the versions Deckhand speaks. */
    static final Map<String, List<Integer>> EXTENSIONS = Map.of(
            "apiKeyAuthentication", List.of(1),
            "formPost", List.of(1),
            "deckhandKey", List.of(1),
            LyricsEndpoints.SONG_LYRICS, List.of(1));
    /** The extension announced where ffmpeg is installed. */
    static final String TRANSCODE_OFFSET = "transcodeOffset";

    private SystemEndpoints() {
    }

    /**
     * @param endpoints the map to add them to, by name
     * @param transcodes whether {@code stream} transcodes, and so announces {@value #TRANSCODE_OFFSET}
     */
    static void register(Map<String, Endpoint> endpoints, boolean transcodes) {
        endpoints.put("ping", (call, answer) -> { });
        endpoints.put("getLicense", (call, answer) -> answer.child("license").attr("valid", true));
        endpoints.put("getOpenSubsonicExtensions", (call, answer) -> extensions(answer, transcodes));
        endpoints.put("getUser", SystemEndpoints::user);
        endpoints.put("getScanStatus", (call, answer) -> answer.child("scanStatus").attr("scanning", false)
                .attr("count", (long) call.library().songs().size()));
    }

    private static void extensions(Element answer, boolean transcodes) {
        answer.emptyListExtension("openSubsonicExtensions");
        Map<String, List<Integer>> announced = new TreeMap<>(EXTENSIONS);
        if (transcodes) {
            announced.put(TRANSCODE_OFFSET, List.of(1));
        }
        announced.entrySet().forEach(extension -> {
            answer.addExtension("openSubsonicExtensions").extension("name", extension.getKey())
                    .extension("versions", extension.getValue());
        });
    }

    private static void user(Endpoint.Call call, Element answer) throws SubsonicException {
        String username = call.params().required("username");
        String own = call.userName();
        if (!username.equals(own)) {
            throw new SubsonicException(SubsonicException.NOT_AUTHORISED, "You may only read your own user: " + own);
        }
        answer.child("user").attr("username", own).attr("scrobblingEnabled", false).attr("adminRole", false)
                .attr("settingsRole", false).attr("downloadRole", true).attr("uploadRole", false)
                .attr("playlistRole", false).attr("coverArtRole", true).attr("commentRole", false)
                .attr("podcastRole", false).attr("streamRole", true).attr("jukeboxRole", false)
                .attr("shareRole", false).attr("videoConversionRole", false);
    }
}
