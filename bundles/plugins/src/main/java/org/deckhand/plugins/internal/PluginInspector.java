package org.deckhand.plugins.internal;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.resource.Namespace;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Describes the plugins: every jar in the plugins folder and every bundle installed from it, with its state, its
 * services, its components and, when it does not work, why: a file that is not a bundle, a requirement no bundle
 * provides, a component that threw in activation or waits for a service, a quarantine; and removed plugins whose
 * threads still run.
 */
final class PluginInspector {

    private final BundleContext context;
    private final PluginFolder folder;
    private final ServiceComponentRuntime components;
    private final PluginSupervisor supervisor;

    PluginInspector(BundleContext context, PluginFolder folder, ServiceComponentRuntime components,
            PluginSupervisor supervisor) {
        this.context = context;
        this.folder = folder;
        this.components = components;
        this.supervisor = supervisor;
    }

    /**
     * @return every plugin, bundles by symbolic name, then files that are not bundles
     * @throws IOException if the plugins folder cannot be listed
     */
    List<PluginView> all() throws IOException {
        Map<Path, Bundle> installed = new LinkedHashMap<>();
        for (Bundle bundle : context.getBundles()) {
            folder.jarOf(bundle).ifPresent(jar -> installed.put(jar, bundle));
        }
        List<PluginView> views = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path jar : folder.jars()) {
            seen.add(jar);
            Bundle bundle = installed.get(jar);
            views.add(bundle == null ? notInstalled(jar) : describe(bundle, jar));
        }
        installed.forEach((jar, bundle) -> {
            if (!seen.contains(jar)) {
                views.add(describe(bundle, null));
            }
        });
        List<PluginView> all = new ArrayList<>();
        for (PluginView view : views) {
            all.add(view.withRunawayThreads(supervisor.runawayThreads(view.id())));
        }
        for (String removed : supervisor.withRunawayThreads()) {
            if (views.stream().noneMatch(v -> v.id().equals(removed))) {
                List<String> threads = supervisor.runawayThreads(removed);
                all.add(new PluginView(removed, null, removed, null, null, null, "REMOVED", List.of(), List.of(),
                        "Removed, but " + threads.size() + " of its threads still run although they were interrupted: "
                        + String.join(", ", threads) + ". They keep running until the server restarts.",
                        threads));
            }
        }
        all.sort((a, b) -> a.id().compareToIgnoreCase(b.id()));
        return all;
    }

    /**
     * @param id a plugin's id
     * @return the plugin, if there is one with that id
     * @throws IOException if the plugins folder cannot be listed
     */
    Optional<PluginView> find(String id) throws IOException {
        return all().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    private PluginView notInstalled(Path jar) {
        String file = jar.getFileName().toString();
        try {
            BundleJar identity = BundleJar.read(jar);
            return new PluginView(identity.symbolicName(), file, identity.symbolicName(), identity.version(), null,
                    null, "PENDING", List.of(), List.of(), null, List.of());
        } catch (InvalidPluginException e) {
            return new PluginView(file, file, null, null, null, null, "INVALID", List.of(), List.of(),
                    file + " is " + e.getMessage(), List.of());
        } catch (IOException e) {
            return new PluginView(file, file, null, null, null, null, "INVALID", List.of(), List.of(),
                    file + " cannot be read: " + e.getMessage(), List.of());
        }
    }

    private PluginView describe(Bundle bundle, Path jar) {
        String file = jar == null ? null : jar.getFileName().toString();
        String symbolicName = bundle.getSymbolicName();
        if (symbolicName == null) {
            return new PluginView(file == null ? "bundle-" + bundle.getBundleId() : file, file, null, null, null,
                    bundle.getBundleId(), stateName(bundle.getState()), List.of(), List.of(),
                    file + " is not an OSGi bundle: its manifest has no Bundle-SymbolicName", List.of());
        }
        Optional<String> quarantined = bundle.getState() == Bundle.ACTIVE || bundle.getState() == Bundle.STARTING
                ? Optional.empty() : supervisor.quarantineReason(symbolicName);
        if (quarantined.isPresent()) {
            return new PluginView(symbolicName, file, symbolicName, bundle.getVersion().toString(),
                    bundle.getHeaders().get(Constants.BUNDLE_NAME), bundle.getBundleId(), "QUARANTINED", List.of(),
                    List.of(), quarantined.get() + " Re-enable it with POST /api/v1/plugins/" + symbolicName
                    + "/enable once it is fixed, or replace its jar.", List.of());
        }
        List<PluginView.ComponentView> componentViews = components(bundle);
        String error = switch (bundle.getState()) {
            case Bundle.INSTALLED -> unresolvedReason(bundle);
            case Bundle.RESOLVED -> isFragment(bundle) ? null
                    : "The bundle is resolved but did not start; the server log says why.";
            default -> componentProblem(componentViews);
        };
        return new PluginView(symbolicName, file, symbolicName, bundle.getVersion().toString(),
                bundle.getHeaders().get(Constants.BUNDLE_NAME), bundle.getBundleId(), stateName(bundle.getState()),
                services(bundle), componentViews, error, List.of());
    }

    private String unresolvedReason(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        List<String> missing = new ArrayList<>();
        if (revision != null) {
            for (BundleRequirement requirement : revision.getDeclaredRequirements(null)) {
                boolean optional = Namespace.RESOLUTION_OPTIONAL.equals(
                        requirement.getDirectives().get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE));
                if (!optional && wiring.findProviders(requirement).isEmpty()) {
                    missing.add(requirement.getNamespace() + " "
                            + requirement.getDirectives().getOrDefault(Namespace.REQUIREMENT_FILTER_DIRECTIVE, ""));
                }
            }
        }
        return missing.isEmpty()
                ? "The bundle cannot be resolved; the server log says why."
                : "The bundle cannot be resolved: nothing provides " + String.join(", ", missing);
    }

    private List<PluginView.ComponentView> components(Bundle bundle) {
        if (components == null) {
            return List.of();
        }
        List<PluginView.ComponentView> views = new ArrayList<>();
        for (ComponentDescriptionDTO description : components.getComponentDescriptionDTOs(bundle)) {
            if (!components.isComponentEnabled(description)) {
                views.add(new PluginView.ComponentView(description.name, "DISABLED", null));
                continue;
            }
            for (ComponentConfigurationDTO configuration : components.getComponentConfigurationDTOs(description)) {
                views.add(new PluginView.ComponentView(description.name, componentState(configuration.state),
                        rootCause(configuration.failure)));
            }
        }
        return views;
    }

    private static String componentProblem(List<PluginView.ComponentView> componentViews) {
        for (PluginView.ComponentView component : componentViews) {
            switch (component.state()) {
                case "FAILED_ACTIVATION":
                    return "Component " + component.name() + " failed to activate: " + component.failure();
                case "UNSATISFIED_REFERENCE":
                    return "Component " + component.name() + " waits for a service that no bundle provides.";
                case "UNSATISFIED_CONFIGURATION":
                    return "Component " + component.name() + " waits for its configuration.";
                default:
                    break;
            }
        }
        return null;
    }

    private static List<PluginView.ServiceView> services(Bundle bundle) {
        ServiceReference<?>[] references = bundle.getRegisteredServices();
        if (references == null) {
            return List.of();
        }
        List<PluginView.ServiceView> views = new ArrayList<>();
        for (ServiceReference<?> reference : references) {
            Map<String, Object> properties = new LinkedHashMap<>();
            for (String key : reference.getPropertyKeys()) {
                boolean frameworkOwn = key.equals(Constants.OBJECTCLASS) || key.startsWith("service.")
                        || key.startsWith("osgi.ds.");
                if (!frameworkOwn) {
                    Object value = reference.getProperty(key);
                    properties.put(key, value.getClass().isArray() ? arrayToList(value) : value);
                }
            }
            views.add(new PluginView.ServiceView((Long) reference.getProperty(Constants.SERVICE_ID),
                    List.of((String[]) reference.getProperty(Constants.OBJECTCLASS)), properties));
        }
        return views;
    }

    private static List<Object> arrayToList(Object array) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < Array.getLength(array); i++) {
            list.add(Array.get(array, i));
        }
        return list;
    }

    private static boolean isFragment(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }

    private static String componentState(int state) {
        return switch (state) {
            case ComponentConfigurationDTO.ACTIVE -> "ACTIVE";
            case ComponentConfigurationDTO.SATISFIED -> "SATISFIED";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> "UNSATISFIED_REFERENCE";
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> "UNSATISFIED_CONFIGURATION";
            case ComponentConfigurationDTO.FAILED_ACTIVATION -> "FAILED_ACTIVATION";
            default -> "UNKNOWN";
        };
    }

    static String stateName(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }

    /**
     * @param stackTrace a failure as Declarative Services reports it: a stack trace, whose last "Caused by" names what
     *     really went wrong
     * @return that cause's line, such as {@code java.lang.IllegalStateException: the reason}
     */
    static String rootCause(String stackTrace) {
        if (stackTrace == null) {
            return null;
        }
        String cause = stackTrace.lines().findFirst().orElse("").strip();
        for (String line : stackTrace.lines().toList()) {
            if (line.startsWith("Caused by: ")) {
                cause = line.substring("Caused by: ".length()).strip();
            }
        }
        return cause;
    }
}
