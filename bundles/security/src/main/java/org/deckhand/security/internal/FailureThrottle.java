package org.deckhand.security.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Slows down password guessing: an address that failed {@value #MAX_FAILURES} times within the window is refused
 * until its oldest failure leaves the window, without its credentials being checked.
 *
 * <p>A check takes its place before the credentials are checked ({@link #begin}) and ends as a failure, a success or
 * abandoned; checks under way count against the allowance, so that parallel guesses cannot all pass before the first
 * one fails. An IPv6 address also counts against its /64 network, which may fail {@value #MAX_NETWORK_FAILURES} times
 * within the window (RFC 4291 section 2.5.4: an interface identifier is 64 bits, and one subscriber is given at least
 * a /64), so that rotating through the addresses of one network gains little, while the other devices of a home
 * network that shares a /64 are not held back by one misconfigured player. An IPv4-mapped IPv6 address counts as its
 * IPv4 address. At most {@value #MAX_TRACKED_ADDRESSES} addresses and networks are tracked; a new one evicts the least
 * recently checked one that is not held back, so that a flood of new addresses cannot release those that are.
 * When an address or network reaches its limit, {@link SecurityEvents#throttled} is told, at most once in
 * {@link #TOLD_AGAIN_AFTER}, so that a client that keeps guessing at the pace the throttle allows is told of once an
 * hour, not at each refusal; at most {@value #MAX_TRACKED_ADDRESSES} such times are kept. Thread-safe.
 */
final class FailureThrottle {

    static final int MAX_FAILURES = 10;
    static final int MAX_NETWORK_FAILURES = 100;
    static final Duration WINDOW = Duration.ofMinutes(5);
    static final int MAX_TRACKED_ADDRESSES = 10_000;
    static final Duration TOLD_AGAIN_AFTER = Duration.ofHours(1);

    private static final int IPV6_NETWORK_BYTES = 8;

    private final Clock clock;
    private final SecurityEvents events;
    /** By address or network, least recently checked first. */
    private final Map<String, Allowance> allowances = new LinkedHashMap<>(16, 0.75f, true);
    /** When each address or network was last told of as throttled, oldest first. */
    private final Map<String, Instant> told = new LinkedHashMap<>();

    /**
     * @param clock the clock that times failures
     * @param events where an address that gets throttled is told
     */
    FailureThrottle(Clock clock, SecurityEvents events) {
        this.clock = clock;
        this.events = events;
    }

    /**
     * Takes a place for one credential check of a client, if its allowances have one left.
     *
     * @param address the client's IP address as the connection gives it
     * @return the check, which tells whether it may go ahead; the caller must end an allowed check
     */
    synchronized Attempt begin(String address) {
        List<String> keys = keysOf(address);
        Instant now = clock.instant();
        long wait = 0;
        for (String key : keys) {
            Allowance allowance = allowances.computeIfAbsent(key, k -> new Allowance(limitOf(k)));
            allowance.forgetBefore(now.minus(WINDOW));
            wait = Math.max(wait, allowance.secondsToWait(now));
        }
        if (wait > 0) {
            keys.forEach(this::dropIfIdle);
            return new Attempt(keys, wait);
        }
        keys.forEach(key -> allowances.get(key).underWay++);
        evictOldest();
        return new Attempt(keys, 0);
    }

    /**
     * @return how many addresses and networks it holds failures or checks of, at most
     *     {@value #MAX_TRACKED_ADDRESSES}
     */
    synchronized int trackedAddresses() {
        return allowances.size();
    }

    /** @return the keys that reached their limit with this end, to be told of */
    private synchronized List<String> end(List<String> keys, boolean failed, boolean succeeded) {
        Instant now = clock.instant();
        List<String> throttled = new ArrayList<>();
        for (String key : keys) {
            Allowance allowance = allowances.get(key);
            if (allowance == null) {
                if (!failed) {
                    continue;
                }
                allowance = new Allowance(limitOf(key));
                allowances.put(key, allowance);
            }
            allowance.underWay = Math.max(0, allowance.underWay - 1);
            if (succeeded && limitOf(key) == MAX_FAILURES) {
                allowance.failures.clear();
            }
            if (failed) {
                allowance.failures.addLast(now);
                while (allowance.failures.size() > allowance.limit) {
                    allowance.failures.removeFirst();
                }
                if (allowance.failures.size() >= allowance.limit && tellNow(key, now)) {
                    throttled.add(key);
                }
            }
            dropIfIdle(key);
        }
        evictOldest();
        return throttled;
    }

    /** @return whether a key that reached its limit is to be told of now, which it then is */
    private boolean tellNow(String key, Instant now) {
        Instant since = now.minus(TOLD_AGAIN_AFTER);
        Iterator<Instant> oldestFirst = told.values().iterator();
        while (oldestFirst.hasNext()) {
            if (oldestFirst.next().isAfter(since) && told.size() <= MAX_TRACKED_ADDRESSES) {
                break;
            }
            oldestFirst.remove();
        }
        if (told.containsKey(key)) {
            return false;
        }
        told.put(key, now);
        return true;
    }

    private void dropIfIdle(String key) {
        Allowance allowance = allowances.get(key);
        if (allowance != null && allowance.failures.isEmpty() && allowance.underWay == 0) {
            allowances.remove(key);
        }
    }

    /**
     * Keeps at most {@link #MAX_TRACKED_ADDRESSES} allowances: evicts the least recently checked one that is not
     * held back, or, when every one is, the least recently checked one.
     */
    private void evictOldest() {
        while (allowances.size() > MAX_TRACKED_ADDRESSES) {
            Iterator<Allowance> oldestFirst = allowances.values().iterator();
            Allowance victim = null;
            while (oldestFirst.hasNext()) {
                Allowance allowance = oldestFirst.next();
                if (allowance.failures.size() < allowance.limit) {
                    victim = allowance;
                    break;
                }
            }
            if (victim == null) {
                oldestFirst = allowances.values().iterator();
                oldestFirst.next();
            }
            oldestFirst.remove();
        }
    }

    private static int limitOf(String key) {
        return key.endsWith("/64") ? MAX_NETWORK_FAILURES : MAX_FAILURES;
    }

    /**
     * @param address an IP address as text
     * @return what it counts against: an IPv4 address (also for an IPv4-mapped IPv6 address) alone; an IPv6 address
     *     and its /64 network ({@code NETWORK/64}); any other text as it is
     */
    static List<String> keysOf(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return List.of(String.valueOf(address));
        }
        String literal = address.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        try {
            // A literal containing ':' is parsed as an IPv6 address, never looked up in DNS.
            InetAddress parsed = InetAddress.getByName(literal);
            byte[] bytes = parsed.getAddress();
            if (bytes.length == 4) {
                return List.of(parsed.getHostAddress());
            }
            byte[] network = new byte[16];
            System.arraycopy(bytes, 0, network, 0, IPV6_NETWORK_BYTES);
            return List.of(InetAddress.getByAddress(bytes).getHostAddress(),
                    InetAddress.getByAddress(network).getHostAddress() + "/64");
        } catch (UnknownHostException notAnAddress) {
            return List.of(address);
        }
    }

    private static long secondsUntil(Instant now, Instant then) {
        Duration left = Duration.between(now, then);
        return Math.max(1, left.toSeconds() + (left.toNanosPart() > 0 ? 1 : 0));
    }

    /** One credential check's place in its client's allowances. */
    final class Attempt {

        private final List<String> keys;
        private final long retryAfterSeconds;
        private boolean ended;

        private Attempt(List<String> keys, long retryAfterSeconds) {
            this.keys = keys;
            this.retryAfterSeconds = retryAfterSeconds;
            this.ended = retryAfterSeconds > 0;
        }

        /** @return whether the check may go ahead */
        boolean allowed() {
            return retryAfterSeconds == 0;
        }

        /** @return when the check was refused, how many seconds the client must wait; otherwise 0 */
        long retryAfterSeconds() {
            return retryAfterSeconds;
        }

        /** The credentials were wrong: the failure counts for {@link #WINDOW}. */
        void failed() {
            end(true, false);
        }

        /**
         * The credentials were right: the failures of the client's address are forgotten; those of its IPv6 network
         * count on, so that a device that signs in cannot clear the way for another that guesses.
         */
        void succeeded() {
            end(false, true);
        }

        /** The credentials were not checked after all: the place is given back. */
        void abandoned() {
            end(false, false);
        }

        private void end(boolean failed, boolean succeeded) {
            List<String> throttled;
            synchronized (FailureThrottle.this) {
                if (ended) {
                    return;
                }
                ended = true;
                throttled = FailureThrottle.this.end(keys, failed, succeeded);
            }
            throttled.forEach(key -> events.throttled(key, limitOf(key), WINDOW.toSeconds()));
        }
    }

    /** The failures of an address or a network within the window, oldest first, its checks under way, its limit. */
    private static final class Allowance {

        private final int limit;
        private final Deque<Instant> failures = new ArrayDeque<>();
        private int underWay;

        Allowance(int limit) {
            this.limit = limit;
        }

        void forgetBefore(Instant windowStart) {
            while (!failures.isEmpty() && !failures.peekFirst().isAfter(windowStart)) {
                failures.removeFirst();
            }
        }

        /**
         * @return how many seconds a new check must wait: until the oldest failure leaves the window, 1 while checks
         *     under way fill the allowance, else 0
         */
        long secondsToWait(Instant now) {
            if (failures.size() >= limit) {
                return secondsUntil(now, failures.peekFirst().plus(WINDOW));
            }
            return failures.size() + underWay >= limit ? 1 : 0;
        }
    }
}
