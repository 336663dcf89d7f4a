package org.deckhand.security.internal;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.deckhand.api.rest.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/v1/keys}: the admin creates, lists and revokes API keys. */
@Component(service = RestResource.class)
@Path("keys")
@Produces(MediaType.APPLICATION_JSON)
public final class ApiKeysResource implements RestResource {

    private final ApiKeyStore store;

    /**
     * @param authenticator the authenticator whose keys this resource manages
     */
    @Activate
    public ApiKeysResource(@Reference DeckhandAuthenticator authenticator) {
        this.store = authenticator.apiKeys();
    }

    /**
     * @return every API key, oldest first, without secrets
     */
    @GET
    public List<KeyView> list() {
        return store.list().stream().map(KeyView::of).toList();
    }

    /**
     * Creates an API key. The response holds the token, which the server does not keep: the client must store it.
     *
     * @param request the key's name
     * @return 201 with the key and its token
     * @throws IOException if the key cannot be stored
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewKey request) throws IOException {
        if (request == null) {
            throw new BadRequestException("Send a JSON body such as {\"name\": \"mpd on the living-room pi\"}");
        }
        ApiKeyStore.CreatedKey created;
        try {
            created = store.create(request.name());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        ApiKey key = created.key();
        return Response.created(URI.create("keys/" + key.id()))
                .entity(new CreatedKeyView(key.id(), key.name(), key.created(), created.token())).build();
    }

    /**
     * Revokes an API key: requests that present it are refused from now on.
     *
     * @param id the key's id
     * @throws IOException if the change cannot be stored
     * @throws NotFoundException if there is no such key
     */
    @DELETE
    @Path("{id}")
    public void revoke(@PathParam("id") String id) throws IOException {
        if (!store.revoke(id)) {
            throw new NotFoundException("No API key has the id " + id);
        }
    }

    /**
     * A request for a new key.
     *
     * @param name what to call it
     */
    public record NewKey(String name) {
    }

    /**
     * An API key as the API shows it.
     *
     * @param id its id
     * @param name its name
     * @param created when it was created
     */
    public record KeyView(String id, String name, Instant created) {
        static KeyView of(ApiKey key) {
            return new KeyView(key.id(), key.name(), key.created());
        }
    }

    /**
     * A key just created, with its token.
     *
     * @param id its id
     * @param name its name
     * @param created when it was created
     * @param token the bearer token, shown this once
     */
    public record CreatedKeyView(String id, String name, Instant created, String token) {
    }
}
