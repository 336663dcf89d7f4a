package org.deckhand.watcher.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the library watcher, configuration PID {@code org.deckhand.watcher}. */
@ObjectClassDefinition(id = WatcherConfiguration.PID, name = "Library watcher",
        description = "How Deckhand follows the music folders.")
public @interface WatcherConfiguration {

    /** The configuration PID. */
    String PID = "org.deckhand.watcher";

    /**
     * @return music folders to watch besides those given at start ({@code --music}, {@code DECKHAND_MUSIC})
     */
    @AttributeDefinition(name = "More music folders", description = "Absolute paths of further music folders;"
            + " in the .cfg file, comma-separated.",
            required = false)
    String[] musicFolders() default {};

    /**
     * @return minutes between full rescans, which catch the changes that file events miss on network shares
     */
    @AttributeDefinition(name = "Rescan interval (minutes)", min = "1", max = "1440",
            description = "Full rescans catch what file events miss, as on NFS and SMB shares.")
    int rescanIntervalMinutes() default 15;

    /**
     * @return seconds a file must be left unmodified before it is read, so that files being copied are not read
     *     half-written
     */
    @AttributeDefinition(name = "Settle time (seconds)", min = "0", max = "600")
    int settleSeconds() default 2;

    /**
     * @return days a track whose file is gone stays in the catalog, with its analysis, before it is purged
     */
    @AttributeDefinition(name = "Missing tracks kept (days)", min = "0", max = "3650")
    int missingGraceDays() default 7;
}
