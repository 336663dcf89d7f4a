package org.deckhand.renamer.internal;

/** Which file systems the names must be valid on. */
public enum NamingProfile {

    /**
     * Valid on SMB shares read from Windows and macOS, and on FAT32 and exFAT (USB sticks for CDJs): no
     * {@code < > : " / \ | ? *} nor control characters, no trailing dot or space, none of Windows' reserved names
     * ({@code CON}, {@code NUL}, {@code COM1}...), no leading dot.
     */
    PORTABLE,

    /** Valid on Linux and other POSIX file systems: only {@code /}, control characters and a leading dot are replaced. */
    POSIX
}
