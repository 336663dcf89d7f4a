package org.deckhand.plugins.internal;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
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
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.deckhand.api.rest.RestResource;
import org.deckhand.api.runtime.RuntimeProperties;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/v1/plugins}: the third-party plugins in the plugins folder, with their state, services and errors;
 * upload of a bundle jar, which is hot-loaded; removal, which unloads it; re-enabling a quarantined plugin.
 */
@Component(service = RestResource.class, configurationPid = PluginsConfiguration.PID)
@Designate(ocd = PluginsConfiguration.class)
@Path("plugins")
@Produces(MediaType.APPLICATION_JSON)
public final class PluginsResource implements RestResource {

    private static final Logger LOG = LoggerFactory.getLogger(PluginsResource.class);

    private final BundleContext context;
    private final PluginFolder folder;
    private final PluginInspector inspector;
    private final PluginInstaller installer;
    private final PluginSupervisor supervisor;
    private volatile long maxUploadBytes;

    /**
     * @param context this bundle's context
     * @param components the Declarative Services runtime, to report components that failed
     * @param supervisor what starts plugins, quarantines them and watches their threads
     * @param eventAdmin where uploads are posted
     * @param configuration the settings
     */
    @Activate
    public PluginsResource(BundleContext context, @Reference ServiceComponentRuntime components,
            @Reference PluginSupervisor supervisor, @Reference EventAdmin eventAdmin,
            PluginsConfiguration configuration) {
        this.context = context;
        this.supervisor = supervisor;
        this.folder = new PluginFolder(Paths.get(
                Objects.requireNonNull(context.getProperty(RuntimeProperties.PLUGINS), RuntimeProperties.PLUGINS)));
        this.inspector = new PluginInspector(context, folder, components, supervisor);
        this.installer = new PluginInstaller(folder,
                Paths.get(context.getProperty(RuntimeProperties.DATA), "removed-plugins"),
                Clock.systemUTC(), new UploadEvents(eventAdmin));
        modified(configuration);
    }

    /**
     * @param configuration the new settings
     */
    @Modified
    public void modified(PluginsConfiguration configuration) {
        maxUploadBytes = configuration.maxUploadMebibytes() * 1024L * 1024L;
    }

    /**
     * @return every plugin
     * @throws IOException if the plugins folder cannot be listed
     */
    @GET
    public List<PluginView> list() throws IOException {
        return inspector.all();
    }

    /**
     * @param id a plugin's id
     * @return the plugin
     * @throws IOException if the plugins folder cannot be listed
     * @throws NotFoundException if there is no such plugin
     */
    @GET
    @Path("{id}")
    public PluginView get(@PathParam("id") String id) throws IOException {
        return inspector.find(id).orElseThrow(() -> new NotFoundException("No plugin has the id " + id));
    }

    /**
     * Uploads a plugin: the request body is the bundle jar. It is checked, stored in the plugins folder and
     * hot-loaded within a second or two; a bundle with the same symbolic name is updated. The upload is posted as
     * {@code org/deckhand/security/plugin/UPLOADED}.
     *
     * @param body the jar
     * @return 201 with the plugin as it stands, usually still {@code PENDING}
     * @throws IOException if the jar cannot be stored
     */
    @POST
    @Consumes({"application/java-archive", MediaType.APPLICATION_OCTET_STREAM})
    public Response upload(InputStream body) throws IOException {
        BundleJar identity;
        try {
            identity = installer.install(body, maxUploadBytes, coreSymbolicNames());
        } catch (PluginInstaller.UploadTooLargeException e) {
            throw new ClientErrorException(e.getMessage(), Response.Status.REQUEST_ENTITY_TOO_LARGE);
        } catch (InvalidPluginException e) {
            throw new BadRequestException("The upload is " + e.getMessage());
        }
        LOG.info("Plugin {} {} uploaded", identity.symbolicName(), identity.version());
        PluginView view = inspector.find(identity.symbolicName())
                .orElseThrow(() -> new IOException("the uploaded plugin " + identity.symbolicName()
                        + " is not in the plugins folder " + folder.path()));
        return Response.created(URI.create("plugins/" + identity.symbolicName())).entity(view).build();
    }

    /**
     * Lifts a plugin's quarantine and starts it: for a plugin whose start failed, or during whose start the server
     * stopped, once the cause is dealt with.
     *
     * @param id a plugin's id
     * @return the plugin as it stands, usually still {@code RESOLVED} or {@code STARTING} for a moment
     * @throws IOException if the plugins folder cannot be listed
     * @throws NotFoundException if there is no such plugin
     * @throws ClientErrorException 409 if the plugin is not quarantined
     */
    @POST
    @Path("{id}/enable")
    public PluginView enable(@PathParam("id") String id) throws IOException {
        PluginView plugin = get(id);
        if (!"QUARANTINED".equals(plugin.state())) {
            throw new ClientErrorException("Plugin " + id + " is not quarantined; it is " + plugin.state(),
                    Response.Status.CONFLICT);
        }
        supervisor.enable(id);
        return get(id);
    }

    /**
     * Removes a plugin: its jar leaves the plugins folder for {@code DATA/removed-plugins} and its bundle is
     * uninstalled.
     *
     * @param id a plugin's id
     * @throws IOException if the jar cannot be moved
     * @throws NotFoundException if there is no such plugin
     */
    @DELETE
    @Path("{id}")
    public void remove(@PathParam("id") String id) throws IOException {
        PluginView plugin = get(id);
        if (plugin.bundleId() == null && plugin.file() == null) {
            throw new NotFoundException("Plugin " + id + " is already removed");
        }
        if (plugin.file() != null) {
            var kept = installer.remove(folder.path().resolve(plugin.file()));
            LOG.info("Plugin {} removed; its jar is kept as {}", id, kept);
            return;
        }
        Bundle bundle = context.getBundle(plugin.bundleId());
        if (bundle != null) {
            try {
                bundle.uninstall();
            } catch (BundleException e) {
                throw new IOException("Could not uninstall plugin " + id + ": " + e.getMessage(), e);
            }
        }
    }

    private Set<String> coreSymbolicNames() {
        return Arrays.stream(context.getBundles())
                .filter(b -> folder.jarOf(b).isEmpty() && b.getSymbolicName() != null)
                .map(Bundle::getSymbolicName).collect(Collectors.toSet());
    }
}
