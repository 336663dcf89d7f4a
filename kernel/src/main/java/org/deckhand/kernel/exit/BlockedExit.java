package org.deckhand.kernel.exit;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.logging.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The targets of the calls that plugins' classes make, once rewritten, instead of {@link System#exit(int)}, {@link
 * Runtime#exit(int)} and {@link Runtime#halt(int)}, and instead of the reflective look-ups and calls that could reach
 * those methods ({@link Class#getMethod}, {@link Class#getDeclaredMethod}, {@link MethodHandles.Lookup#findStatic},
 * {@link MethodHandles.Lookup#findVirtual}, {@link MethodHandles.Lookup#bind}, {@link MethodHandles.Lookup#unreflect},
 * {@link Method#invoke} of a method from {@link Class#getMethods()} or anywhere else). Each exit method logs a warning
 * that names the plugin and the calling class, and throws a {@link SecurityException}: a plugin may not stop the
 * server. A method handle is refused for an exit method and for the reflective calls themselves ({@link Method#invoke}
 * and those look-ups, whose handles would call them unchecked), and so is a reflective call of one of those. Every
 * other look-up and call does what the JDK's does. Each method has the JDK method's parameters, the receiver first, so
 * that a call can be redirected without changing the stack.
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
    /** The look-ups whose method handles give a method handle, or call a method, without passing here. */
    private static final Set<String> LOOKUP_DOORS = Set.of("findStatic", "findVirtual", "findSpecial", "bind",
            "unreflect", "unreflectSpecial");

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
        refuseExit(type, name, STACK.getCallerClass(), "a reflective look-up of ");
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
        refuseExit(type, name, STACK.getCallerClass(), "a reflective look-up of ");
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
     * @throws SecurityException if the method is one that stops the JVM, or a reflective call
     */
    public static MethodHandle findStatic(MethodHandles.Lookup lookup, Class<?> type, String name,
            MethodType methodType) throws NoSuchMethodException, IllegalAccessException {
        refuseHandle(type, name, STACK.getCallerClass());
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
     * @throws SecurityException if the method is one that stops the JVM, or a reflective call
     */
    public static MethodHandle findVirtual(MethodHandles.Lookup lookup, Class<?> type, String name,
            MethodType methodType) throws NoSuchMethodException, IllegalAccessException {
        refuseHandle(type, name, STACK.getCallerClass());
        return lookup.findVirtual(type, name, methodType);
    }

    /**
     * Instead of {@link MethodHandles.Lookup#bind(Object, String, MethodType)}.
     *
     * @param lookup the plugin's look-up object, which keeps its access rights
     * @param receiver the object the method is bound to
     * @param name the method's name
     * @param methodType its type
     * @return the method handle
     * @throws NoSuchMethodException as the JDK's method does
     * @throws IllegalAccessException as the JDK's method does
     * @throws SecurityException if the method is one that stops the JVM, or a reflective call
     */
    public static MethodHandle bind(MethodHandles.Lookup lookup, Object receiver, String name, MethodType methodType)
            throws NoSuchMethodException, IllegalAccessException {
        refuseHandle(receiver.getClass(), name, STACK.getCallerClass());
        return lookup.bind(receiver, name, methodType);
    }

    /**
     * Instead of {@link MethodHandles.Lookup#unreflect(Method)}.
     *
     * @param lookup the plugin's look-up object, which keeps its access rights
     * @param method the method
     * @return the method handle
     * @throws IllegalAccessException as the JDK's method does
     * @throws SecurityException if the method is one that stops the JVM, or a reflective call
     */
    public static MethodHandle unreflect(MethodHandles.Lookup lookup, Method method) throws IllegalAccessException {
        refuseHandle(method.getDeclaringClass(), method.getName(), STACK.getCallerClass());
        return lookup.unreflect(method);
    }

    /**
     * Checks a call of {@link Method#invoke(Object, Object...)} that a plugin's class makes, just before it makes it
     * (the call itself stays the plugin's, with its access rights).
     *
     * @param method the method about to be invoked
     * @throws SecurityException if the method is one that stops the JVM, or a reflective call that could reach one
     */
    public static void checkInvoke(Method method) {
        refuseReflectiveCall(method, STACK.getCallerClass());
    }

    /**
     * Instead of a method reference to {@link Method#invoke(Object, Object...)} ({@code Method::invoke}).
     *
     * @param method the method to invoke
     * @param target the object it is invoked on, or null for a static method
     * @param arguments its arguments
     * @return what the method returns
     * @throws IllegalAccessException as the JDK's method does
     * @throws InvocationTargetException as the JDK's method does
     * @throws SecurityException if the method is one that stops the JVM, or a reflective call that could reach one
     */
    public static Object invoke(Method method, Object target, Object[] arguments)
            throws IllegalAccessException, InvocationTargetException {
        refuseReflectiveCall(method, STACK.getCallerClass());
        return method.invoke(target, arguments);
    }

    private static void refuseReflectiveCall(Method method, Class<?> caller) {
        refuseExitOrReflectiveCall(method.getDeclaringClass(), method.getName(), caller, "a reflective call of ");
    }

    private static void refuseHandle(Class<?> type, String name, Class<?> caller) {
        refuseExitOrReflectiveCall(type, name, caller, "a reflective look-up of ");
    }

    private static void refuseExitOrReflectiveCall(Class<?> type, String name, Class<?> caller, String how) {
        refuseExit(type, name, caller, how);
        if (isReflectiveCall(type, name)) {
            throw blocked(how + type.getSimpleName() + "." + name, caller);
        }
    }

    /** {@link Method#invoke} and the look-ups that make method handles: called through a handle, nothing checks. */
    private static boolean isReflectiveCall(Class<?> type, String name) {
        return type == Method.class && name.equals("invoke")
                || type == MethodHandles.Lookup.class && LOOKUP_DOORS.contains(name);
    }

    private static void refuseExit(Class<?> type, String name, Class<?> caller, String how) {
        boolean exit = (type == System.class || type == Runtime.class) && name.equals("exit")
                || type == Runtime.class && name.equals("halt");
        if (exit) {
            throw blocked(how + type.getSimpleName() + "." + name, caller);
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
