package org.deckhand.tracklists.internal.source;

import java.net.URI;
import org.deckhand.api.tracklist.BlockedBySiteException;
import org.deckhand.api.tracklist.FetchedPage;
import org.deckhand.api.tracklist.PageKind;
import org.deckhand.api.tracklist.PoliteFetcher;
import org.deckhand.api.tracklist.Tracklist;
import org.deckhand.api.tracklist.TracklistException;
import org.deckhand.api.tracklist.TracklistSource;
import org.deckhand.tracklists.internal.parse.OneThousandOneParser;
import org.deckhand.tracklists.internal.parse.OneThousandOneSelectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/** Tracklists from 1001Tracklists' tracklist pages, {@code https://www.1001tracklists.com/tracklist/ID/NAME.html}. */
@Component(service = TracklistSource.class, configurationPid = OneThousandOneConfiguration.PID)
@Designate(ocd = OneThousandOneConfiguration.class)
public final class OneThousandOneSource implements TracklistSource {

    private final URI base;
    private final OneThousandOneParser parser;

    /**
     * @param configuration the site's address and the selectors
     * @throws IllegalArgumentException if the address or a selector is malformed
     */
    @Activate
    public OneThousandOneSource(OneThousandOneConfiguration configuration) {
        this(configuration.baseUrl(), new OneThousandOneSelectors(configuration.playlistSelector(),
                configuration.rowSelector(), configuration.mashupPartSelector(), configuration.cueSecondsSelector(),
                configuration.trackNumberSelector(), configuration.trackValueSelector(),
                configuration.labelSelector(), configuration.captchaSelector()));
    }

    /**
     * @param baseUrl the site's address
     * @param selectors where the parts of a page are
     */
    public OneThousandOneSource(String baseUrl, OneThousandOneSelectors selectors) {
        this.base = Addresses.base(baseUrl);
        this.parser = new OneThousandOneParser(selectors);
    }

    @Override
    public String id() {
        return OneThousandOneParser.SOURCE;
    }

    @Override
    public String name() {
        return "1001Tracklists";
    }

    @Override
    public boolean accepts(URI address) {
        return Addresses.onSite(address, base);
    }

    @Override
    public Tracklist fetch(URI address, PoliteFetcher fetcher) throws TracklistException {
        FetchedPage page = fetcher.fetch(id(), address, PageKind.TRACKLIST_PAGE);
        try {
            return parser.parse(page.body(), address.toString(), page.fetched());
        } catch (BlockedBySiteException captcha) {
            fetcher.reportBlocked(address);
            throw captcha;
        }
    }
}
