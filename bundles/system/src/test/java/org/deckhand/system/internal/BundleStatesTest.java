package org.deckhand.system.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.apache.felix.framework.Felix;
import org.deckhand.api.event.EventProperties;
import org.deckhand.api.event.Topics;
import org.deckhand.api.runtime.RuntimeProperties;
import org.deckhand.testing.RecordingEventAdmin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.event.Event;

/** The bundle checks in a real Felix framework, with bundles that start, fail to start and are stopped. */
class BundleStatesTest {

    @TempDir
    Path root;

    private Felix framework;
    private final RecordingEventAdmin eventAdmin = new RecordingEventAdmin();
    private BundleStates states;

    @BeforeEach
    void startFramework() throws BundleException {
        framework = new Felix(Map.of(
                Constants.FRAMEWORK_STORAGE, root.resolve("felix").toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
                RuntimeProperties.PLUGINS, root.resolve("plugins").toString()));
        framework.start();
        states = new BundleStates(framework.getBundleContext(), new HealthEvents(eventAdmin));
    }

    @AfterEach
    void stopFramework() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
    }

    @Test
    void aCoreBundleThatFailsToStartIsToldOnceAndAPluginThatFailsIsNot() throws Exception {
        Bundle fine = install(root.resolve("bundles/fine.jar"), "org.deckhand.fine", null);
        Bundle broken = install(root.resolve("bundles/broken.jar"), "org.deckhand.broken", "com.example.absent");
        Bundle plugin = install(root.resolve("plugins/plugin.jar"), "com.example.plugin", "com.example.absent");
        fine.start();
        assertThrows(BundleException.class, broken::start);
        assertThrows(BundleException.class, plugin::start);

        states.check();
        assertEquals(List.of(), eventAdmin.all(), "one check is not enough: the bundle may be being updated");
        states.check();
        states.check();
        states.check();

        List<Event> inactive = eventAdmin.of(Topics.HEALTH_BUNDLE_INACTIVE);
        assertEquals(1, inactive.size(), inactive.toString());
        assertEquals("org.deckhand.broken", inactive.get(0).getProperty(EventProperties.SYMBOLIC_NAME));
        assertEquals("INSTALLED", inactive.get(0).getProperty(EventProperties.STATE));
    }

    @Test
    void aBundleThatStopsIsToldOnceAndAgainOnlyAfterItWasActiveAgain() throws Exception {
        Bundle catalog = install(root.resolve("bundles/catalog.jar"), "org.deckhand.catalog", null);
        catalog.start();
        states.check();
        states.check();
        assertEquals(List.of(), eventAdmin.all(), "an active bundle is not told of");

        catalog.stop();
        states.check();
        states.check();
        states.check();
        assertEquals(1, eventAdmin.of(Topics.HEALTH_BUNDLE_INACTIVE).size());
        assertEquals("RESOLVED", eventAdmin.of(Topics.HEALTH_BUNDLE_INACTIVE).get(0)
                .getProperty(EventProperties.STATE));

        catalog.start();
        states.check();
        catalog.stop();
        states.check();
        states.check();
        assertEquals(2, eventAdmin.of(Topics.HEALTH_BUNDLE_INACTIVE).size(), "told again after it had been active");
    }

    @Test
    void nothingIsToldWhileTheFrameworkStops() throws Exception {
        Bundle catalog = install(root.resolve("bundles/catalog.jar"), "org.deckhand.catalog", null);
        catalog.start();
        states.check();
        List<Integer> frameworkStates = new ArrayList<>();
        framework.getBundleContext().addBundleListener((SynchronousBundleListener) event -> {
            if (event.getBundle().equals(catalog) && event.getType() == BundleEvent.STOPPED) {
                frameworkStates.add(framework.getState());
                states.check();
                states.check();
            }
        });

        framework.stop();
        framework.waitForStop(10_000);

        assertEquals(List.of(Bundle.STOPPING), frameworkStates, "the checks ran while the framework stopped");
        assertEquals(List.of(), eventAdmin.all());
    }

    /** Writes a bundle jar with nothing but a manifest, importing a package if given, and installs it. */
    private Bundle install(Path jar, String symbolicName, String importedPackage) throws IOException,
            BundleException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        main.putValue(Constants.BUNDLE_SYMBOLICNAME, symbolicName);
        main.putValue(Constants.BUNDLE_VERSION, "1.0.0");
        if (importedPackage != null) {
            main.putValue(Constants.IMPORT_PACKAGE, importedPackage);
        }
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out,
                manifest)) {
            jarOut.flush();
        }
        return framework.getBundleContext().installBundle(jar.toUri().toString());
    }
}
