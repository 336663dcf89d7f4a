package org.deckhand.plugins.internal;

import java.nio.file.Path;
import java.util.Map;
import org.deckhand.api.event.EventProperties;
import org.deckhand.api.event.Topics;
import org.deckhand.api.runtime.RuntimeProperties;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Posts {@link Topics#PLUGIN_CHANGED} whenever a plugin bundle is installed, started, stopped or removed. */
@Component(immediate = true)
public final class PluginEventPublisher implements BundleListener {

    private final BundleContext context;
    private final EventAdmin events;
    private final PluginFolder folder;

    /**
     * @param context this bundle's context, to listen to bundle events
     * @param events where to post
     */
    @Activate
    public PluginEventPublisher(BundleContext context, @Reference EventAdmin events) {
        this.context = context;
        this.events = events;
        this.folder = new PluginFolder(Path.of(context.getProperty(RuntimeProperties.PLUGINS)));
        context.addBundleListener(this);
    }

    /** Stops listening. */
    @Deactivate
    public void deactivate() {
        context.removeBundleListener(this);
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        if (folder.jarOf(event.getBundle()).isEmpty() || event.getBundle().getSymbolicName() == null) {
            return;
        }
        events.postEvent(new Event(Topics.PLUGIN_CHANGED, Map.of(
                EventProperties.PLUGIN_ID, event.getBundle().getSymbolicName(),
                EventProperties.STATE, PluginInspector.stateName(event.getBundle().getState()))));
    }
}
