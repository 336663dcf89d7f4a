package org.deckhand.settings.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/** The settings forms that the installed bundles describe with Metatype, read afresh on each call. */
final class SettingForms {

    private final BundleContext context;
    private final MetaTypeService metaType;

    SettingForms(BundleContext context, MetaTypeService metaType) {
        this.context = context;
        this.metaType = metaType;
    }

    /** @return every configuration PID's form, ordered by PID */
    List<Form> all() {
        List<Form> forms = new ArrayList<>();
        Map<Bundle, Map<String, Map<String, MetatypeBounds.Bounds>>> bounds = new HashMap<>();
        for (Bundle bundle : context.getBundles()) {
            MetaTypeInformation information = metaType.getMetaTypeInformation(bundle);
            if (information == null || bundle.getState() != Bundle.ACTIVE) {
                continue;
            }
            for (String pid : information.getPids()) {
                ObjectClassDefinition definition = information.getObjectClassDefinition(pid, null);
                if (definition != null) {
                    forms.add(new Form(pid, definition, bundle.getSymbolicName(),
                            bounds.computeIfAbsent(bundle, MetatypeBounds::of).getOrDefault(definition.getID(),
                                    Map.of())));
                }
            }
        }
        forms.sort(Comparator.comparing(Form::pid));
        return forms;
    }

    /** @return the form of a PID, if a bundle describes it */
    Optional<Form> form(String pid) {
        return all().stream().filter(form -> form.pid().equals(pid)).findFirst();
    }

    /**
     * A PID's form.
     *
     * @param pid the configuration PID
     * @param definition its Metatype object class definition
     * @param bundle the symbolic name of the bundle that describes it
     * @param bounds the {@code min} and {@code max} of its fields that have them, by field id
     */
    record Form(String pid, ObjectClassDefinition definition, String bundle,
            Map<String, MetatypeBounds.Bounds> bounds) {

        String name() {
            return definition.getName();
        }

        String description() {
            return definition.getDescription();
        }

        List<SettingField> fields() {
            return Arrays.stream(definition.getAttributeDefinitions(ObjectClassDefinition.ALL))
                    .map(field -> new SettingField(field, bounds.getOrDefault(field.getID(), MetatypeBounds.Bounds.NONE)))
                    .toList();
        }

        Optional<SettingField> field(String id) {
            return fields().stream().filter(field -> field.id().equals(id)).findFirst();
        }
    }
}
