package org.deckhand.distribution;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The bundles of the unpacked distribution, {@code bundles/N/*.jar}, with their start levels, and the set of them that
 * bnd's resolver found the server needs ({@code deckhand.bndrun}, resolved by the build into
 * {@code target/deckhand.bndrun}): what the integration tests boot is what ships, as the build resolved it.
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

    /**
     * @return the shipped bundles that the build's resolution of {@code deckhand.bndrun} lists in its
     *     {@code -runbundles}, by start level then name
     * @throws IllegalStateException if the resolved bndrun is missing, or names a bundle that does not ship
     */
    static List<ShippedBundle> resolved() {
        Path bndrun = distribution().resolveSibling("deckhand.bndrun");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(bndrun)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("the build did not resolve deckhand.bndrun into " + bndrun, e);
        }
        Map<String, ShippedBundle> bySymbolicName = all().stream()
                .collect(Collectors.toMap(ShippedBundles::symbolicName, shipped -> shipped));
        List<ShippedBundle> resolved = new ArrayList<>();
        for (String entry : properties.getProperty("-runbundles", "").split(",(?=(?:[^']*'[^']*')*[^']*$)")) {
            String name = entry.strip().split(";", 2)[0];
            if (!name.isEmpty()) {
                ShippedBundle shipped = bySymbolicName.get(name);
                if (shipped == null) {
                    throw new IllegalStateException(bndrun + " names " + name + ", which the distribution lacks");
                }
                resolved.add(shipped);
            }
        }
        resolved.sort(Comparator.comparing(ShippedBundle::jar));
        return resolved;
    }

    /** @return the jar's {@code Bundle-SymbolicName}, without its directives */
    static String symbolicName(ShippedBundle shipped) {
        return header(shipped.jar(), "Bundle-SymbolicName").split(";", 2)[0].strip();
    }

    private static boolean isFragment(Path jar) {
        return !header(jar, "Fragment-Host").isEmpty();
    }

    private static String header(Path jar, String name) {
        try (JarFile file = new JarFile(jar.toFile())) {
            String value = file.getManifest().getMainAttributes().getValue(name);
            return value == null ? "" : value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
