package org.deckhand.writeback.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The tag write-back's settings, configuration PID {@code org.deckhand.writeback}. */
@ObjectClassDefinition(name = "Tag write-back",
        description = "Writes the analysed BPM and key into the music files' tags (ID3 TBPM/TKEY, Vorbis BPM/INITIALKEY,"
                + " MP4 tmpo/initialkey), so that rekordbox, Traktor and Serato see them. Off by default: it changes"
                + " your files, although never their audio.")
@interface WriteBackConfiguration {

    /** The configuration PID. */
    String PID = "org.deckhand.writeback";

    @AttributeDefinition(name = "Enabled", description = "Write BPM and key into the files once they are analysed, "
            + "and into every file already analysed when this is switched on.")
    boolean enabled() default false;

    @AttributeDefinition(name = "Key notation", description = "How the key is written: musical (Am, F#), Camelot "
            + "(8A) or Open Key (1m).")
    KeyNotation keyNotation() default KeyNotation.MUSICAL;

    @AttributeDefinition(name = "Overwrite existing tags", description = "Replace a BPM or key tag that a file "
            + "already has when the analysis disagrees with it. When off, only missing tags are written.")
    boolean overwriteExisting() default false;
}
