package org.deckhand.plugins.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of plugin management, configuration PID {@code org.deckhand.plugins}. */
@ObjectClassDefinition(id = PluginsConfiguration.PID, name = "Plugins",
        description = "How third-party plugins are uploaded and managed.")
public @interface PluginsConfiguration {

    /** The configuration PID. */
    String PID = "org.deckhand.plugins";

    /**
     * @return the largest plugin jar an upload may send, in mebibytes
     */
    @AttributeDefinition(name = "Largest upload (MiB)", description = "Uploads of larger plugin jars are refused.",
            min = "1", max = "1024")
    int maxUploadMebibytes() default 64;
}
