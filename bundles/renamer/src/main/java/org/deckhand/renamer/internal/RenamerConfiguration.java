package org.deckhand.renamer.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The renamer's settings, configuration PID {@code org.deckhand.renamer}. */
@ObjectClassDefinition(name = "Renamer",
        description = "Moves and renames music files by path templates in beets' path-format syntax. Nothing moves "
                + "until you apply a batch; every batch can be undone.")
@interface RenamerConfiguration {

    /** The configuration PID. */
    String PID = "org.deckhand.renamer";

    @AttributeDefinition(name = "Path rules", description = "One rule a line, as beets' paths: 'query: template', "
            + "the query in Deckhand's search language, 'default' for every track. A track takes the first rule "
            + "that matches it; the file keeps its extension.")
    String paths() default PathRules.DEFAULT_RULE;

    @AttributeDefinition(name = "Naming profile", description = "PORTABLE: names valid on SMB from Windows and "
            + "macOS, FAT32 and exFAT; POSIX: only what Linux forbids is replaced.")
    NamingProfile profile() default NamingProfile.PORTABLE;

    @AttributeDefinition(name = "Longest path", description = "The longest whole target path, in bytes of UTF-8; a "
            + "track whose target is longer gets an error rather than a move.")
    int maxPathBytes() default 1024;
}
