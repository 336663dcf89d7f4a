package org.deckhand.tracklists.internal.source;

import java.net.URI;
import java.util.Locale;

/** Whether an address lies on a site, by host (with or without {@code www.}) and port. */
final class Addresses {

    private Addresses() {
    }

    /**
     * @param address an address a user gave
     * @param base the site's base address, such as {@code https://www.mixesdb.com}
     * @return whether the address is on that site
     */
    static boolean onSite(URI address, URI base) {
        if (address.getHost() == null || base.getHost() == null) {
            return false;
        }
        return bare(address.getHost()).equals(bare(base.getHost())) && address.getPort() == base.getPort();
    }

    private static String bare(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.startsWith("www.") ? lower.substring(4) : lower;
    }

    /**
     * @param configured a base address from the configuration
     * @return it without a trailing slash
     * @throws IllegalArgumentException if it is not an http or https address
     */
    static URI base(String configured) {
        URI base = URI.create(configured.strip().replaceAll("/+$", ""));
        if (base.getHost() == null || !base.getScheme().matches("https?")) {
            throw new IllegalArgumentException("A site's base address is an http or https address, not " + configured);
        }
        return base;
    }
}
