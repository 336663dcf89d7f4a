package org.deckhand.system.internal;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.deckhand.api.runtime.RuntimeProperties;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The bundles the server itself consists of: every installed bundle but the third-party plugins that come from the
 * plugins folder, whose failures must not make the server unhealthy.
 */
final class CoreBundles {

    private final BundleContext context;
    private final Path pluginsFolder;

    CoreBundles(BundleContext context) {
        this.context = context;
        String plugins = context.getProperty(RuntimeProperties.PLUGINS);
        this.pluginsFolder = plugins == null ? null : Path.of(plugins).toAbsolutePath().normalize();
    }

    /**
     * @return the status of every core bundle, by bundle id
     */
    List<BundleStatus> statuses() {
        return cores().map(BundleStatus::of).toList();
    }

    /**
     * @return every core bundle
     */
    Stream<Bundle> cores() {
        return Arrays.stream(context.getBundles()).filter(this::isCore);
    }

    private boolean isCore(Bundle bundle) {
        String location = bundle.getLocation();
        if (pluginsFolder == null || !location.startsWith("file:")) {
            return true;
        }
        try {
            return !Path.of(URI.create(location)).toAbsolutePath().normalize().startsWith(pluginsFolder);
        } catch (IllegalArgumentException notAFilePath) {
            return true;
        }
    }
}
