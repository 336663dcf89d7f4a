package org.deckhand.kernel;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.felix.framework.FrameworkFactory;
import org.deckhand.api.runtime.RuntimeProperties;
import org.deckhand.kernel.exit.BlockedExit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;

/**
 * Embeds Felix: sets the framework properties the bundles read, installs the jars of {@code bundles/N/} at start level
 * N, and has FileInstall watch {@code plugins/} (bundle jars) and {@code config/} ({@code *.cfg} files for
 * ConfigAdmin). The framework starts up to {@value #SERVER_START_LEVEL}, the bundles the server ships; plugins have
 * start level {@value #PLUGIN_START_LEVEL}, which {@link #startPlugins} reaches once the server is ready. FileInstall
 * installs, updates and uninstalls plugins but starts none: the plugins bundle starts them, each guarded against a
 * start that stops the server. Every bundle sees {@link BlockedExit}, to which the plugins bundle redirects plugins'
 * calls to {@code System.exit}, through boot delegation to the framework's class loader.
 */
final class FelixLauncher {

    /** The highest start level of the bundles the server ships, which the framework reaches on its own. */
    static final int SERVER_START_LEVEL = 4;

    /** The start level of third-party plugins, and the framework's final start level. */
    static final int PLUGIN_START_LEVEL = 5;

    private FelixLauncher() {
    }

    /**
     * Starts the framework; the server's bundles keep starting in the background until {@value #SERVER_START_LEVEL} is
     * reached.
     *
     * @param settings the server's settings
     * @param version Deckhand's version
     * @param adminPassword the admin password to set on first start, or null; handed to the security bundle in
     *     {@link RuntimeProperties#INITIAL_ADMIN_PASSWORD_FILE}
     * @return the running framework
     * @throws LaunchException if the framework cannot start, a bundle cannot be installed or the password cannot
     *     be handed over
     */
    static Framework start(Settings settings, String version, String adminPassword) throws LaunchException {
        if (adminPassword != null && !adminPassword.isBlank()) {
            try {
                InitialAdminPassword.handOver(settings.data(), adminPassword);
            } catch (IOException e) {
                throw new LaunchException("DECKHAND_ADMIN_PASSWORD cannot be handed to the security bundle in "
                        + settings.data().resolve(RuntimeProperties.INITIAL_ADMIN_PASSWORD_FILE) + ": "
                        + e.getMessage(), e);
            }
        }
        Framework framework = new FrameworkFactory().newFramework(properties(settings, version));
        try {
            framework.init();
            installBundles(framework.getBundleContext(), settings.bundles());
            framework.start();
        } catch (BundleException | IOException e) {
            throw new LaunchException("the OSGi framework could not start: " + e.getMessage(), e);
        }
        return framework;
    }

    /**
     * Lets the plugins start: raises the framework to their start level, in the background.
     *
     * @param framework the running framework
     */
    static void startPlugins(Framework framework) {
        framework.adapt(FrameworkStartLevel.class).setStartLevel(PLUGIN_START_LEVEL);
    }

    private static Map<String, String> properties(Settings settings, String version) {
        Map<String, String> properties = new HashMap<>();
        properties.put(Constants.FRAMEWORK_STORAGE, settings.data().resolve("cache").resolve("felix").toString());
        properties.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        properties.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, Integer.toString(SERVER_START_LEVEL));
        properties.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "sun.misc,sun.nio.ch");
        properties.put(Constants.FRAMEWORK_BUNDLE_PARENT, Constants.FRAMEWORK_BUNDLE_PARENT_FRAMEWORK);
        properties.put(Constants.FRAMEWORK_BOOTDELEGATION, BlockedExit.class.getPackageName());
        properties.put("felix.log.level", "1");

        properties.put(RuntimeProperties.VERSION, version);
        properties.put(RuntimeProperties.HOME, settings.home().toString());
        properties.put(RuntimeProperties.DATA, settings.data().toString());
        properties.put(RuntimeProperties.MUSIC, settings.music().stream().map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator)));
        properties.put(RuntimeProperties.PLUGINS, settings.plugins().toString());
        properties.put(RuntimeProperties.CONFIG, settings.config().toString());
        properties.put(RuntimeProperties.HOST, settings.host());
        properties.put(RuntimeProperties.PORT, Integer.toString(settings.port()));
        properties.put(RuntimeProperties.STARTED_MILLIS, Long.toString(System.currentTimeMillis()));

        properties.put("org.osgi.service.http.port", Integer.toString(settings.port()));
        properties.put("org.apache.felix.http.host", settings.host());
        properties.put("org.apache.felix.http.jetty.sendServerHeader", "false");

        properties.put("felix.fileinstall.dir", settings.plugins() + "," + settings.config());
        properties.put("felix.fileinstall.filter", "[^.].*\\.(jar|cfg|config)");
        properties.put("felix.fileinstall.poll", "500");
        properties.put("felix.fileinstall.noInitialDelay", "true");
        properties.put("felix.fileinstall.start.level", Integer.toString(PLUGIN_START_LEVEL));
        properties.put("felix.fileinstall.bundles.new.start", "false");
        properties.put("felix.fileinstall.tmpdir", settings.data().resolve("cache").resolve("fileinstall").toString());
        properties.put("felix.fileinstall.log.level", "2");
        properties.put("felix.fileinstall.configEncoding", "UTF-8");
        return properties;
    }

    private static void installBundles(BundleContext context, Path bundlesFolder) throws IOException, BundleException {
        if (!Files.isDirectory(bundlesFolder)) {
            throw new IOException("the bundles folder " + bundlesFolder
                    + " is missing; is this a Deckhand installation?");
        }
        List<Path> levels;
        try (Stream<Path> entries = Files.list(bundlesFolder)) {
            levels = entries.filter(p -> Files.isDirectory(p) && p.getFileName().toString().matches("\\d+"))
                    .sorted().toList();
        }
        for (Path level : levels) {
            int startLevel = Integer.parseInt(level.getFileName().toString());
            List<Path> jars;
            try (Stream<Path> entries = Files.list(level)) {
                jars = entries.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
            }
            for (Path jar : jars) {
                Bundle bundle = context.installBundle("reference:" + jar.toUri());
                bundle.adapt(BundleStartLevel.class).setStartLevel(startLevel);
                if (!isFragment(jar)) {
                    bundle.start();
                }
            }
        }
    }

    private static boolean isFragment(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest() != null
                    && file.getManifest().getMainAttributes().getValue(Constants.FRAGMENT_HOST) != null;
        }
    }
}
