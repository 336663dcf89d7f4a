package org.deckhand.tracklists.internal.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A host's robots.txt as crawler-commons reads it (RFC 9309, with the common {@code Crawl-delay} extension), and how
 * long it holds: a day when it was read, five minutes when it could not be (then everything is disallowed, as RFC
 * 9309 section 2.3.1.4 asks of an unreachable robots.txt).
 */
final class RobotsFile {

    private static final Duration READ_FOR = Duration.ofDays(1);
    private static final Duration UNREACHABLE_FOR = Duration.ofMinutes(5);

    private final BaseRobotRules rules;
    private final Instant expires;

    private RobotsFile(BaseRobotRules rules, Duration validFor) {
        this.rules = rules;
        this.expires = Instant.now().plus(validFor);
    }

    /**
     * @param address the robots.txt's address
     * @param content its body
     * @param mediaType its media type
     * @param robotName the product token to match groups against
     * @return the rules it sets
     */
    static RobotsFile parsed(String address, byte[] content, String mediaType, String robotName) {
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser(Long.MAX_VALUE, 50);
        return new RobotsFile(parser.parseContent(address, content, mediaType, List.of(robotName)), READ_FOR);
    }

    /**
     * @param status the HTTP status the robots.txt was answered with, or 0 when the host could not be reached
     * @return allow-all for a 4xx ("unavailable", RFC 9309 section 2.3.1.3), disallow-all otherwise ("unreachable")
     */
    static RobotsFile failed(int status) {
        boolean unavailable = status >= 400 && status < 500;
        BaseRobotRules rules = new SimpleRobotRulesParser().failedFetch(unavailable ? status : 503);
        return new RobotsFile(rules, unavailable ? READ_FOR : UNREACHABLE_FOR);
    }

    boolean allows(String address) {
        return rules.isAllowed(address);
    }

    /** @return the crawl delay it asks, zero when none */
    Duration crawlDelay() {
        long millis = rules.getCrawlDelay();
        return millis == BaseRobotRules.UNSET_CRAWL_DELAY || millis <= 0 ? Duration.ZERO : Duration.ofMillis(millis);
    }

    boolean expired() {
        return Instant.now().isAfter(expires);
    }
}
