package org.deckhand.plugins.internal;

import java.nio.file.Path;
import org.deckhand.api.runtime.RuntimeProperties;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.hooks.weaving.WeavingException;
import org.osgi.framework.hooks.weaving.WeavingHook;
import org.osgi.framework.hooks.weaving.WovenClass;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Keeps plugins from stopping the server: as each class of a bundle installed from the plugins folder is loaded, its
 * calls to {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt}, direct or through reflection and method
 * handles, are rewritten by {@link ExitCallRewriter} into calls that throw a {@link SecurityException}; the kernel
 * makes the class that throws visible to every bundle. A weaving hook of the OSGi Core specification, Release 8,
 * chapter 56 (Weaving Hook Service). A class that cannot be read (a Java version newer than ASM knows) is refused: it
 * fails to load, with the reason, rather than load unchecked.
 */
@Component(service = WeavingHook.class, immediate = true)
public final class PluginWeavingHook implements WeavingHook {

    private final PluginFolder folder;

    /**
     * @param context this bundle's context
     */
    @Activate
    public PluginWeavingHook(BundleContext context) {
        this.folder = new PluginFolder(Path.of(context.getProperty(RuntimeProperties.PLUGINS)));
    }

    @Override
    public void weave(WovenClass woven) {
        Bundle bundle = woven.getBundleWiring().getBundle();
        if (folder.jarOf(bundle).isEmpty()) {
            return;
        }
        byte[] rewritten;
        try {
            rewritten = ExitCallRewriter.rewrite(woven.getBytes());
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new WeavingException("plugin " + bundle.getSymbolicName() + ": class " + woven.getClassName()
                    + " cannot be checked for calls that stop the server, so it is not loaded: " + e, e);
        }
        if (rewritten != null) {
            woven.setBytes(rewritten);
        }
    }
}
