package org.deckhand.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The bundles of the unpacked distribution, {@code bundles/N/*.jar}, with their start levels: what the integration
 * tests boot is exactly what ships.
 */
final class ShippedBundles {

    private ShippedBundles() {
    }

    /**
     * A shipped bundle.
     *
     * @param jar the jar
     * @param startLevel its start level, the name of its folder
     * @param fragment whether it is a fragment, which is never started
     */
    record ShippedBundle(Path jar, int startLevel, boolean fragment) {
    }

    /**
     * @return the unpacked distribution, from the {@code deckhand.dist.dir} system property that the build sets
     */
    static Path distribution() {
        String dir = System.getProperty("deckhand.dist.dir");
        if (dir == null || !Files.isDirectory(Path.of(dir))) {
            throw new IllegalStateException("deckhand.dist.dir does not name the unpacked distribution: " + dir
                    + "; run the tests through Maven (mvn verify)");
        }
        return Path.of(dir);
    }

    /**
     * @return every shipped bundle, by start level then name
     */
    static List<ShippedBundle> all() {
        try (Stream<Path> jars = Files.walk(distribution().resolve("bundles"), 2)) {
            return jars.filter(p -> p.toString().endsWith(".jar")).sorted()
                    .map(jar -> new ShippedBundle(jar, Integer.parseInt(jar.getParent().getFileName().toString()),
                            isFragment(jar)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isFragment(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes().getValue("Fragment-Host") != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
