package org.deckhand.settings.internal;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deckhand.api.rest.RestResource;
import org.deckhand.api.runtime.RuntimeProperties;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.MetaTypeService;

/**
 * {@code /api/v1/settings}: every configuration PID that a bundle, built-in or plugin, describes with Metatype, each
 * with its fields' names, types, options, defaults and current values; and changes to them, saved through
 * Configuration Admin, which applies them at once, and written back by FileInstall into {@code config/PID.cfg}, which
 * keeps them over restarts ({@link SavedSettings}).
 */
@Component(service = RestResource.class)
@Path("settings")
@Produces(MediaType.APPLICATION_JSON)
public final class SettingsResource implements RestResource {

    private final SettingForms forms;
    private final ConfigurationAdmin configurations;
    private final SavedSettings saved;

    /**
     * @param context this bundle's context, for the bundles and the config folder
     * @param metaType the bundles' Metatype descriptions
     * @param configurations the current values
     */
    @Activate
    public SettingsResource(BundleContext context, @Reference MetaTypeService metaType,
            @Reference ConfigurationAdmin configurations) {
        this.forms = new SettingForms(context, metaType);
        this.configurations = configurations;
        this.saved = new SavedSettings(configurations,
                java.nio.file.Path.of(context.getProperty(RuntimeProperties.CONFIG)));
    }

    /**
     * @return every PID's settings, ordered by PID
     * @throws IOException if Configuration Admin cannot be read
     */
    @GET
    public List<SettingsView> list() throws IOException {
        List<SettingsView> views = new ArrayList<>();
        for (SettingForms.Form form : forms.all()) {
            views.add(view(form, current(form.pid())));
        }
        return views;
    }

    /**
     * Changes some settings of a PID.
     *
     * @param pid the configuration PID
     * @param changes each field to change and its new value, as JSON
     * @return the PID's settings as they are now
     * @throws NotFoundException if no bundle describes that PID
     * @throws BadRequestException if a field is unknown or a value does not fit, naming it
     * @throws ClientErrorException 409 if the PID's {@code .cfg} file is read-only, naming it
     * @throws IOException if Configuration Admin cannot store the settings, or a new configuration file cannot be
     *     written
     */
    @PUT
    @Path("{pid}")
    @Consumes(MediaType.APPLICATION_JSON)
    public SettingsView update(@PathParam("pid") String pid, Map<String, Object> changes) throws IOException {
        SettingForms.Form form = forms.form(pid)
                .orElseThrow(() -> new NotFoundException("No bundle has settings under the PID " + pid));
        if (changes == null || changes.isEmpty()) {
            throw new BadRequestException("Send a JSON object of the settings to change, such as {\""
                    + form.fields().get(0).id() + "\": ...}");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, Object> values = new HashMap<>(current(pid));
        for (Map.Entry<String, Object> change : changes.entrySet()) {
            SettingField field = form.field(change.getKey()).orElseThrow(() -> new BadRequestException(
                    form.name() + " (" + pid + ") has no setting " + change.getKey()));
            try {
                texts.put(field.id(), field.cfgText(change.getValue()));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(e.getMessage(), e);
            }
            values.put(field.id(), texts.get(field.id()));
        }
        try {
            saved.save(pid, form.name(), texts);
        } catch (IllegalStateException readOnly) {
            throw new ClientErrorException(readOnly.getMessage(), Response.Status.CONFLICT, readOnly);
        }
        return view(form, values);
    }

    private Map<String, Object> current(String pid) throws IOException {
        Configuration[] found;
        try {
            found = configurations.listConfigurations("(service.pid=" + escape(pid) + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("not a PID: " + pid, e);
        }
        Map<String, Object> values = new HashMap<>();
        if (found != null && found[0].getProperties() != null) {
            Dictionary<String, Object> properties = found[0].getProperties();
            properties.keys().asIterator().forEachRemaining(key -> values.put(key, properties.get(key)));
        }
        return values;
    }

    private static String escape(String pid) {
        return pid.replace("\\", "\\\\").replace("*", "\\*").replace("(", "\\(").replace(")", "\\)");
    }

    private static SettingsView view(SettingForms.Form form, Map<String, Object> values) {
        List<SettingsView.FieldView> fields = form.fields().stream()
                .map(field -> SettingsView.FieldView.of(field, values.containsKey(field.id())
                        ? field.json(values.get(field.id())) : field.defaultValue()))
                .toList();
        return new SettingsView(form.pid(), form.name(), form.description(), form.bundle(), fields);
    }
}
