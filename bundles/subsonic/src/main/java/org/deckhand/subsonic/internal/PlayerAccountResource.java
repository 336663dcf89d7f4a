package org.deckhand.subsonic.internal;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import org.deckhand.api.rest.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/subsonic/player}: the player account that Subsonic clients without API keys sign in with
 * ({@code u} with {@code p}, or a token). The password is never returned.
 */
@Component(service = RestResource.class)
@Path("subsonic/player")
@Produces(MediaType.APPLICATION_JSON)
public final class PlayerAccountResource implements RestResource {

    /** The shortest player password accepted. */
    static final int MIN_PASSWORD_LENGTH = 8;

    private final PlayerCredentials player;

    /** @param servlet the Subsonic API, whose player account this resource manages */
    @Activate
    public PlayerAccountResource(@Reference SubsonicServlet servlet) {
        this.player = servlet.player();
    }

    /**
     * The account as seen from the console.
     *
     * @param username the user name, or null while none is set
     * @param passwordSet whether a player password is set
     */
    public record AccountView(String username, boolean passwordSet) {
    }

    /**
     * A new account.
     *
     * @param username the user name Subsonic clients give in {@code u}
     * @param password the password, at least {@value #MIN_PASSWORD_LENGTH} characters
     */
    public record NewAccount(String username, String password) {
    }

    /** @return the account's user name and whether a password is set */
    @GET
    public AccountView get() {
        return player.account().map(account -> new AccountView(account.username(), true))
                .orElse(new AccountView(null, false));
    }

    /**
     * Sets the player account, replacing the previous one.
     *
     * @param account the user name and password
     * @return the account as stored
     * @throws IOException if it cannot be stored
     */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountView set(NewAccount account) throws IOException {
        if (account == null || account.username() == null || account.username().isBlank()
                || account.username().contains("\n")) {
            throw new BadRequestException("Send {\"username\": \"...\", \"password\": \"...\"}; the username must "
                    + "not be empty");
        }
        if (account.password() == null || account.password().length() < MIN_PASSWORD_LENGTH) {
            throw new BadRequestException("The player password must have at least " + MIN_PASSWORD_LENGTH
                    + " characters");
        }
        player.set(new PlayerCredentials.Account(account.username().strip(), account.password()));
        return get();
    }

    /**
     * Removes the player account: only API keys sign in to the Subsonic API afterwards.
     *
     * @throws IOException if it cannot be removed
     */
    @DELETE
    public void clear() throws IOException {
        player.clear();
    }
}
