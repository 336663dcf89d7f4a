package org.deckhand.kernel;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, before any bundle starts, what would otherwise fail later and less clearly: the music folders exist, the
 * data folder is writable, and the port is free.
 */
final class Preflight {

    private Preflight() {
    }

    /**
     * @param settings the settings to check; the default music folder and the data folder are created when missing
     * @throws LaunchException naming the folder, address or port that is not right
     */
    static void check(Settings settings) throws LaunchException {
        for (Path music : settings.music()) {
            if (settings.musicIsDefault() && !Files.exists(music)) {
                createFolder(music, "music folder");
            }
            if (!Files.isDirectory(music)) {
                throw new LaunchException("music folder " + music + (Files.exists(music) ? " is not a folder"
                        : " does not exist"), LaunchException.CANNOT_START);
            }
            if (!Files.isReadable(music)) {
                throw new LaunchException("music folder " + music + " is not readable by this user",
                        LaunchException.CANNOT_START);
            }
        }
        checkWritable(settings.data());
        checkPortFree(settings.host(), settings.port());
    }

    private static void checkWritable(Path data) throws LaunchException {
        createFolder(data, "data folder");
        Path probe = data.resolve(".deckhand-write-test");
        try {
            Files.deleteIfExists(probe);
            Files.createFile(probe);
            Files.delete(probe);
        } catch (IOException e) {
            throw new LaunchException("data folder " + data + " is not writable: " + describe(e), e);
        }
    }

    private static void createFolder(Path folder, String what) throws LaunchException {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new LaunchException(what + " " + folder + " cannot be created: " + describe(e), e);
        }
    }

    private static void checkPortFree(String host, int port) throws LaunchException {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new LaunchException("host " + host + " is not an address of this machine", e);
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port));
        } catch (IOException e) {
            throw new LaunchException("port " + port + " on " + host + " is not available (" + describe(e)
                    + "); is Deckhand already running? Choose another with --port or DECKHAND_PORT", e);
        }
    }

    private static String describe(IOException e) {
        String type = e.getClass().getSimpleName().replace("Exception", "");
        return e.getMessage() == null ? type : type + ": " + e.getMessage();
    }
}
