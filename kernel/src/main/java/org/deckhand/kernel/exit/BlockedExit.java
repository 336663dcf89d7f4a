package org.deckhand.kernel.exit;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.logging.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The targets of the calls that plugins' classes make, once rewritten, instead of {@link System#exit(int)},
 * {@link Runtime#exit(int)} and {@link Runtime#halt(int)}, and instead of the reflective look-ups that could reach
 * those methods ({@link Class#getMethod}, {@link Class#getDeclaredMethod}, {@link MethodHandles.Lookup#findStatic},
 * {@link MethodHandles.Lookup#findVirtual}). Each exit method logs a warning that names the plugin and the calling
 * class, and throws a {@link SecurityException}: a plugin may not stop the server. Every look-up of another method
 * does what the JDK's does. Each method has the JDK method's parameters, the receiver first, so that a call can be
 * redirected without changing the stack.
 *
 * <p>The plugins bundle's weaving hook rewrites the calls; this class lives in the kernel, on the class path, and the
 * framework delegates its package to the class path for every bundle ({@code org.osgi.framework.bootdelegation}, OSGi
 * Core R8, Module Layer, Parent Delegation), so that rewritten classes reach it without an import to resolve while
 * they run: resolving a dynamic import would take the framework's global lock, which a concurrent refresh may hold
 * while it waits for the plugin's own start. It logs through {@code java.util.logging}, as the kernel does, to the server's output.
 */
public final class BlockedExit {

    private static final Logger LOG = Logger.getLogger(BlockedExit.class.getName());
    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private BlockedExit() {
    }

    /**
     * Instead of {@link System#exit(int)}.
     *
     * @param status the exit status the plugin asked for
     * @throws SecurityException always
     */
    public static void exit(int status) {
        throw blocked("System.exit(" + status + ")", STACK.getCallerClass());
    }

    /**
     * Instead of {@link Runtime#exit(int)}.
     *
     * @param runtime the runtime the call was made on
     * @param status the exit status the plugin asked for
     * @throws SecurityException always
     */
    public static void exit(Runtime runtime, int status) {
        throw blocked("Runtime.exit(" + status + ")", STACK.getCallerClass());
    }

    /**
     * Instead of {@link Runtime#halt(int)}.
     *
     * @param runtime the runtime the call was made on
     * @param status the exit status the plugin asked for
     * @throws SecurityException always
     */
    public static void halt(Runtime runtime, int status) {
        throw blocked("Runtime.halt(" + status + ")", STACK.getCallerClass());
    }

    /**
     * Instead of {@link Class#getMethod(String, Class...)}.
     *
     * @param type the class the method is looked up in
     * @param name the method's name
     * @param parameterTypes its parameter types
     * @return the method
     * @throws NoSuchMethodException as the JDK's method does
     * @throws SecurityException if the method is one that stops the JVM
     */
    public static Method getMethod(Class<?> type, String name, Class<?>... parameterTypes)
            throws NoSuchMethodException {
        refuseExit(type, name, STACK.getCallerClass());
        return type.getMethod(name, parameterTypes);
    }

    /**
     * Instead of {@link Class#getDeclaredMethod(String, Class...)}.
     *
     * @param type the class the method is looked up in
     * @param name the method's name
     * @param parameterTypes its parameter types
     * @return the method
     * @throws NoSuchMethodException as the JDK's method does
     * @throws SecurityException if the method is one that stops the JVM
     */
    public static Method getDeclaredMethod(Class<?> type, String name, Class<?>... parameterTypes)
            throws NoSuchMethodException {
        refuseExit(type, name, STACK.getCallerClass());
        return type.getDeclaredMethod(name, parameterTypes);
    }

    /**
     * Instead of {@link MethodHandles.Lookup#findStatic(Class, String, MethodType)}.
     *
     * @param lookup the plugin's look-up object, which keeps its access rights
     * @param type the class the method is looked up in
     * @param name the method's name
     * @param methodType its type
     * @return the method handle
     * @throws NoSuchMethodException as the JDK's method does
     * @throws IllegalAccessException as the JDK's method does
     * @throws SecurityException if the method is one that stops the JVM
     */
    public static MethodHandle findStatic(MethodHandles.Lookup lookup, Class<?> type, String name,
            MethodType methodType) throws NoSuchMethodException, IllegalAccessException {
        refuseExit(type, name, STACK.getCallerClass());
        return lookup.findStatic(type, name, methodType);
    }

    /**
     * Instead of {@link MethodHandles.Lookup#findVirtual(Class, String, MethodType)}.
     *
     * @param lookup the plugin's look-up object, which keeps its access rights
     * @param type the class the method is looked up in
     * @param name the method's name
     * @param methodType its type
     * @return the method handle
     * @throws NoSuchMethodException as the JDK's method does
     * @throws IllegalAccessException as the JDK's method does
     * @throws SecurityException if the method is one that stops the JVM
     */
    public static MethodHandle findVirtual(MethodHandles.Lookup lookup, Class<?> type, String name,
            MethodType methodType) throws NoSuchMethodException, IllegalAccessException {
        refuseExit(type, name, STACK.getCallerClass());
        return lookup.findVirtual(type, name, methodType);
    }

    private static void refuseExit(Class<?> type, String name, Class<?> caller) {
        boolean exit = (type == System.class || type == Runtime.class) && name.equals("exit")
                || type == Runtime.class && name.equals("halt");
        if (exit) {
            throw blocked("a reflective look-up of " + type.getSimpleName() + "." + name, caller);
        }
    }

    private static SecurityException blocked(String call, Class<?> caller) {
        Bundle bundle = FrameworkUtil.getBundle(caller);
        String plugin = bundle == null ? "outside any bundle" : bundle.getSymbolicName() + " " + bundle.getVersion();
        LOG.warning(() -> "Plugin " + plugin + " called " + call + " in " + caller.getName()
                + "; blocked: a plugin may not stop the server");
        return new SecurityException(call + " is blocked: plugin " + plugin + " may not stop the server");
    }
}
