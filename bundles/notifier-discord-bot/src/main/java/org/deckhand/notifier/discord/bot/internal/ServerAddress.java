package org.deckhand.notifier.discord.bot.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;

/**
 * The address that players on the local network reach the server at, for the links the bot gives: the host the
 * server listens on, or, when it listens on every interface, the machine's first site-local IPv4 address (such as
 * {@code 192.168.1.20}), since a link to {@code localhost} opens nothing on a phone.
 */
final class ServerAddress {

    private ServerAddress() {
    }

    /**
     * @param host the host the server listens on ({@code deckhand.host}), null or a wildcard for every interface
     * @param port the port it listens on ({@code deckhand.port})
     * @return the address without a trailing slash, such as {@code http://192.168.1.20:8750}
     */
    static String of(String host, String port) {
        String shown = host == null || host.isBlank() || host.equals("0.0.0.0") || host.equals("::")
                ? siteLocal().orElse("localhost") : host;
        return "http://" + (shown.contains(":") ? "[" + shown + "]" : shown) + ":" + port;
    }

    private static Optional<String> siteLocal() {
        try {
            for (NetworkInterface face : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!face.isUp() || face.isLoopback() || face.isVirtual()) {
                    continue;
                }
                for (InetAddress address : Collections.list(face.getInetAddresses())) {
                    if (address instanceof Inet4Address && address.isSiteLocalAddress()) {
                        return Optional.of(address.getHostAddress());
                    }
                }
            }
        } catch (SocketException unreadable) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
