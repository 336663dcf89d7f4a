package org.deckhand.system.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Finds the Declarative Services components of core bundles that do not work: an active bundle whose component
 * failed to activate, or waits for a service or a configuration, does not do its job.
 */
final class ComponentProblems {

    private final ServiceComponentRuntime runtime;

    ComponentProblems(ServiceComponentRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * @param bundles the bundles to look at
     * @return one line per component that does not work, such as
     *     {@code "org.deckhand.catalog.internal.DerbyCatalog: failed to activate"}
     */
    List<String> of(Stream<Bundle> bundles) {
        List<String> problems = new ArrayList<>();
        Bundle[] array = bundles.filter(b -> b.getState() == Bundle.ACTIVE).toArray(Bundle[]::new);
        for (ComponentDescriptionDTO description : runtime.getComponentDescriptionDTOs(array)) {
            if (!runtime.isComponentEnabled(description)) {
                continue;
            }
            for (ComponentConfigurationDTO configuration : runtime.getComponentConfigurationDTOs(description)) {
                String problem = switch (configuration.state) {
                    case ComponentConfigurationDTO.FAILED_ACTIVATION -> "failed to activate";
                    case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> "waits for a service";
                    case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> "waits for its configuration";
                    default -> null;
                };
                if (problem != null) {
                    problems.add(description.name + ": " + problem);
                }
            }
        }
        return problems;
    }
}
