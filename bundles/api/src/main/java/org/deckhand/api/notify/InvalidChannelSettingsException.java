package org.deckhand.api.notify;

/**
 * A channel's settings cannot make a working channel: a required one is missing, or one is malformed (an address
 * that is not the service's, a port out of range). The message names the setting and never holds a secret value.
 */
public class InvalidChannelSettingsException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String setting;

    /**
     * @param setting the key of the setting at fault
     * @param problem what is wrong with it, such as {@code is required}; never a secret value
     */
    public InvalidChannelSettingsException(String setting, String problem) {
        super("The setting '" + setting + "' " + problem);
        this.setting = setting;
    }

    /** @return the key of the setting at fault */
    public String setting() {
        return setting;
    }
}
