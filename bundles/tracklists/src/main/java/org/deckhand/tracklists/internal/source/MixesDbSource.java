package org.deckhand.tracklists.internal.source;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.deckhand.api.tracklist.FetchedPage;
import org.deckhand.api.tracklist.NotATracklistException;
import org.deckhand.api.tracklist.PageKind;
import org.deckhand.api.tracklist.PoliteFetcher;
import org.deckhand.api.tracklist.Tracklist;
import org.deckhand.api.tracklist.TracklistException;
import org.deckhand.api.tracklist.TracklistSource;
import org.deckhand.tracklists.internal.parse.MixesDbParser;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Tracklists from MixesDB's mix pages, {@code https://www.mixesdb.com/w/TITLE}: the page's wikitext is asked of the
 * site's MediaWiki API ({@code api.php?action=parse&page=TITLE&prop=wikitext&format=json&formatversion=2}), one
 * request, which the cache keeps about a month; an answer that gives no tracklist (an error, a page without one)
 * leaves the cache, so that the page is asked for again once it has been written.
 */
@Component(service = TracklistSource.class, configurationPid = MixesDbConfiguration.PID)
@Designate(ocd = MixesDbConfiguration.class)
public final class MixesDbSource implements TracklistSource {

    private static final String PAGES = "/w/";

    private final URI base;
    private final String apiPath;
    private final MixesDbParser parser = new MixesDbParser();

    /** @param configuration the site's address and its API's path */
    @Activate
    public MixesDbSource(MixesDbConfiguration configuration) {
        this(configuration.baseUrl(), configuration.apiPath());
    }

    /**
     * @param baseUrl the site's address
     * @param apiPath the API's path on it, such as {@code /db/api.php}
     */
    public MixesDbSource(String baseUrl, String apiPath) {
        this.base = Addresses.base(baseUrl);
        this.apiPath = apiPath.startsWith("/") ? apiPath : "/" + apiPath;
    }

    @Override
    public String id() {
        return MixesDbParser.SOURCE;
    }

    @Override
    public String name() {
        return "MixesDB";
    }

    @Override
    public boolean accepts(URI address) {
        return Addresses.onSite(address, base);
    }

    @Override
    public Tracklist fetch(URI address, PoliteFetcher fetcher) throws TracklistException {
        String path = address.getRawPath() == null ? "" : address.getRawPath();
        if (!path.startsWith(PAGES) || path.length() == PAGES.length()) {
            throw new NotATracklistException(id(), address.toString(), "not a MixesDB page address (SITE/w/TITLE)");
        }
        String title = URLDecoder.decode(path.substring(PAGES.length()), StandardCharsets.UTF_8).replace('_', ' ');
        URI api = URI.create(base + apiPath + "?action=parse&format=json&formatversion=2&prop=wikitext&redirects=1"
                + "&page=" + URLEncoder.encode(title, StandardCharsets.UTF_8));
        FetchedPage answer = fetcher.fetch(id(), api, PageKind.API);
        try {
            return parser.parse(answer.body(), address.toString(), answer.fetched());
        } catch (TracklistException notUsable) {
            fetcher.forget(api);
            throw notUsable;
        }
    }
}
