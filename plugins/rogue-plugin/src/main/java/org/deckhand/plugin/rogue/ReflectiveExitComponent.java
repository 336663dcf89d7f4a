package org.deckhand.plugin.rogue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * A component that tries, as it activates, to stop the JVM through reflection and method handles: a method from
 * {@code Runtime.class.getMethods()} invoked, {@code Runtime.halt} found by {@code getMethod} and invoked, a method
 * handle of {@code Runtime.halt} made from the reflected method, and one bound to the runtime by name. Each attempt
 * that the server refuses throws a {@link SecurityException}, which it catches; one that the server let through
 * would stop it, with exit status {@value #FIRST_STATUS} or more.
 */
@Component(service = ReflectiveExitComponent.class, immediate = true)
public final class ReflectiveExitComponent {

    /** The exit status of the first attempt; each next one asks for one more. */
    public static final int FIRST_STATUS = 40;

    /** Makes every attempt. */
    @Activate
    public ReflectiveExitComponent() {
        List<Attempt> attempts = List.of(
                status -> {
                    for (Method method : Runtime.class.getMethods()) {
                        if (method.getName().equals("exit")) {
                            method.invoke(Runtime.getRuntime(), status);
                        }
                    }
                },
                status -> Runtime.class.getMethod("halt", int.class).invoke(Runtime.getRuntime(), status),
                status -> MethodHandles.lookup().unreflect(haltMethod()).invoke(Runtime.getRuntime(), status),
                status -> MethodHandles.lookup().bind(Runtime.getRuntime(), "exit",
                        MethodType.methodType(void.class, int.class)).invoke(status));
        int status = FIRST_STATUS;
        for (Attempt attempt : attempts) {
            try {
                attempt.stop(status++);
            } catch (SecurityException refused) {
                // what the server answers
            } catch (Throwable other) {
                throw new IllegalStateException("an attempt failed otherwise than refused", other);
            }
        }
    }

    private static Method haltMethod() {
        for (Method method : Runtime.class.getMethods()) {
            if (method.getName().equals("halt")) {
                return method;
            }
        }
        throw new IllegalStateException("no Runtime.halt");
    }

    /** One way to stop the JVM. */
    private interface Attempt {
        void stop(int status) throws Throwable;
    }
}
