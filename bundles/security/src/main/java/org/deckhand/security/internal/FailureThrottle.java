package org.deckhand.security.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows down password guessing: a client that failed {@value #MAX_FAILURES} times within the window is refused until
 * its oldest failure leaves the window, without its credentials being checked.
 *
 * <p>A check takes its place before the credentials are checked ({@link #begin}) and ends as a failure, a success or
 * abandoned; checks under way count against the client's allowance, so that parallel guesses cannot all pass before
 * the first one fails. A client is an IPv4 address, or the /64 network of an IPv6 address (RFC 4291 section 2.5.4:
 * an interface identifier is 64 bits, and one subscriber is given at least a /64), so that rotating through the
 * addresses of one network does not reset its count. At most {@value #MAX_TRACKED_ADDRESSES} clients are tracked; a
 * new one evicts the least recently checked client that is not held back, so that a flood of new addresses cannot
 * release the clients that are. Thread-safe.
 */
final class FailureThrottle {

    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(5);
    static final int MAX_TRACKED_ADDRESSES = 10_000;

    private static final int IPV6_NETWORK_BYTES = 8;

    private final Clock clock;
    /** By client, least recently checked first. */
    private final Map<String, Client> clients = new LinkedHashMap<>(16, 0.75f, true);

    FailureThrottle(Clock clock) {
        this.clock = clock;
    }

    /**
     * Takes a place for one credential check of a client, if its allowance has one left.
     *
     * @param address the client's IP address as the connection gives it
     * @return the check, which tells whether it may go ahead; the caller must end an allowed check
     */
    synchronized Attempt begin(String address) {
        String client = clientOf(address);
        Client state = clients.computeIfAbsent(client, c -> new Client());
        Instant now = clock.instant();
        state.forgetBefore(now.minus(WINDOW));
        if (state.failures.size() + state.underWay >= MAX_FAILURES) {
            long wait = state.failures.size() >= MAX_FAILURES
                    ? secondsUntil(now, state.failures.peekFirst().plus(WINDOW)) : 1;
            return new Attempt(client, wait);
        }
        state.underWay++;
        evictOldest();
        return new Attempt(client, 0);
    }

    /**
     * @return how many clients it holds failures or checks of, at most {@value #MAX_TRACKED_ADDRESSES}
     */
    synchronized int trackedAddresses() {
        return clients.size();
    }

    private synchronized void end(String client, boolean failed, boolean succeeded) {
        Client state = clients.get(client);
        if (state == null) {
            if (!failed) {
                return;
            }
            state = new Client();
            clients.put(client, state);
            evictOldest();
        }
        state.underWay = Math.max(0, state.underWay - 1);
        if (succeeded) {
            state.failures.clear();
        }
        if (failed) {
            state.failures.addLast(clock.instant());
            while (state.failures.size() > MAX_FAILURES) {
                state.failures.removeFirst();
            }
        }
        if (state.failures.isEmpty() && state.underWay == 0) {
            clients.remove(client);
        }
    }

    /**
     * Keeps at most {@link #MAX_TRACKED_ADDRESSES} clients: evicts the least recently checked client that is not
     * held back, or, when every one is, the least recently checked one.
     */
    private void evictOldest() {
        while (clients.size() > MAX_TRACKED_ADDRESSES) {
            Iterator<Client> oldestFirst = clients.values().iterator();
            Client victim = null;
            while (oldestFirst.hasNext()) {
                Client client = oldestFirst.next();
                if (client.failures.size() < MAX_FAILURES) {
                    victim = client;
                    break;
                }
            }
            if (victim == null) {
                oldestFirst = clients.values().iterator();
                oldestFirst.next();
            }
            oldestFirst.remove();
        }
    }

    private static long secondsUntil(Instant now, Instant then) {
        Duration left = Duration.between(now, then);
        return Math.max(1, left.toSeconds() + (left.toNanosPart() > 0 ? 1 : 0));
    }

    /**
     * @param address an IP address as text
     * @return the client it belongs to: the IPv4 address (also for an IPv4-mapped IPv6 address), or the IPv6
     *     address's /64 network; any other text as it is
     */
    static String clientOf(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return String.valueOf(address);
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
            byte[] bytes = InetAddress.getByName(literal).getAddress();
            if (bytes.length == 4) {
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            byte[] network = new byte[16];
            System.arraycopy(bytes, 0, network, 0, IPV6_NETWORK_BYTES);
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (UnknownHostException notAnAddress) {
            return address;
        }
    }

    /** One credential check's place in its client's allowance. */
    final class Attempt {

        private final String client;
        private final long retryAfterSeconds;
        private boolean ended;

        private Attempt(String client, long retryAfterSeconds) {
            this.client = client;
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

        /** The credentials were right: the client's failures are forgotten. */
        void succeeded() {
            end(false, true);
        }

        /** The credentials were not checked after all: the place is given back. */
        void abandoned() {
            end(false, false);
        }

        private void end(boolean failed, boolean succeeded) {
            synchronized (FailureThrottle.this) {
                if (ended) {
                    return;
                }
                ended = true;
                FailureThrottle.this.end(client, failed, succeeded);
            }
        }
    }

    /** A client's failures within the window, oldest first, and its checks under way. */
    private static final class Client {

        private final Deque<Instant> failures = new ArrayDeque<>();
        private int underWay;

        void forgetBefore(Instant windowStart) {
            while (!failures.isEmpty() && !failures.peekFirst().isAfter(windowStart)) {
                failures.removeFirst();
            }
        }
    }
}
