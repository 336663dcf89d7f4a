package org.deckhand.plugins.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.function.IntConsumer;

/**
 * Code that stops the JVM in each way a plugin could write it. {@link ExitCallRewriterTest} runs it only once
 * rewritten: loaded as it is, any of these methods ends the test run.
 */
final class ExitingCode {

    private ExitingCode() {
    }

    static void systemExit() {
        System.exit(3);
    }

    static void runtimeExit() {
        Runtime.getRuntime().exit(4);
    }

    static void runtimeHalt() {
        Runtime.getRuntime().halt(5);
    }

    static void methodReference() {
        IntConsumer exit = System::exit;
        exit.accept(6);
    }

    static void haltReference() {
        IntConsumer halt = Runtime.getRuntime()::halt;
        halt.accept(7);
    }

    static void reflection() throws ReflectiveOperationException {
        System.class.getMethod("exit", int.class).invoke(null, 8);
    }

    static void declaredReflection() throws ReflectiveOperationException {
        Runtime.class.getDeclaredMethod("halt", int.class).invoke(Runtime.getRuntime(), 9);
    }

    static void methodHandle() throws Throwable {
        MethodHandles.lookup().findStatic(System.class, "exit", MethodType.methodType(void.class, int.class))
                .invoke(10);
    }

    static void virtualMethodHandle() throws Throwable {
        MethodHandles.lookup().findVirtual(Runtime.class, "exit", MethodType.methodType(void.class, int.class))
                .invoke(Runtime.getRuntime(), 11);
    }

    static void everyMethodInvoked() throws ReflectiveOperationException {
        for (Method method : Runtime.class.getMethods()) {
            if (method.getName().equals("exit")) {
                method.invoke(Runtime.getRuntime(), 12);
            }
        }
    }

    static void everyStaticMethodInvoked() throws ReflectiveOperationException {
        for (Method method : System.class.getMethods()) {
            if (method.getName().equals("exit")) {
                method.invoke(null, 13);
            }
        }
    }

    static void haltInvoked() throws ReflectiveOperationException {
        runtimeMethod("halt").invoke(Runtime.getRuntime(), 14);
    }

    static void unreflected() throws Throwable {
        MethodHandles.lookup().unreflect(runtimeMethod("halt")).invoke(Runtime.getRuntime(), 15);
    }

    static void bound() throws Throwable {
        MethodHandles.lookup().bind(Runtime.getRuntime(), "exit", MethodType.methodType(void.class, int.class))
                .invoke(16);
    }

    static void invokeInvoked() throws ReflectiveOperationException {
        Method invoke = Method.class.getMethod("invoke", Object.class, Object[].class);
        invoke.invoke(runtimeMethod("exit"), Runtime.getRuntime(), new Object[] {17});
    }

    static void invokeThroughAHandle() throws Throwable {
        MethodHandles.lookup().findVirtual(Method.class, "invoke", MethodType.methodType(Object.class, Object.class,
                Object[].class)).invoke(runtimeMethod("exit"), Runtime.getRuntime(), new Object[] {18});
    }

    static void lookUpInvoked() throws Throwable {
        Method findVirtual = MethodHandles.Lookup.class.getMethod("findVirtual", Class.class, String.class,
                MethodType.class);
        ((MethodHandle) findVirtual.invoke(MethodHandles.lookup(), Runtime.class, "exit",
                MethodType.methodType(void.class, int.class))).invoke(Runtime.getRuntime(), 19);
    }

    static void invokeReference() throws ReflectiveOperationException {
        Invoker invoker = Method::invoke;
        invoker.call(runtimeMethod("exit"), Runtime.getRuntime(), new Object[] {20});
    }

    /**
     * {@link Method#invoke} as a functional interface; public, since the test loads it apart from the rewritten
     * class, in another runtime package.
     */
    public interface Invoker {
        Object call(Method method, Object target, Object[] arguments) throws ReflectiveOperationException;
    }

    private static Method runtimeMethod(String name) {
        for (Method method : Runtime.class.getMethods()) {
            if (method.getName().equals(name)) {
                return method;
            }
        }
        throw new IllegalStateException("no Runtime." + name);
    }

    /** Reflection that does not reach an exit, which must keep working. */
    static int otherReflection() throws Throwable {
        int length = (int) String.class.getMethod("length").invoke("four");
        int viaHandle = (int) MethodHandles.lookup().findVirtual(String.class, "length",
                MethodType.methodType(int.class)).invoke("three");
        int unreflected = (int) MethodHandles.lookup().unreflect(String.class.getMethod("length")).invoke("two");
        int bound = (int) MethodHandles.lookup().bind("one", "length", MethodType.methodType(int.class)).invoke();
        return length + viaHandle + unreflected + bound + ownPrivateMethod();
    }

    /** A private method invoked reflectively without {@code setAccessible}: the call stays this class's own. */
    private static int ownPrivateMethod() throws ReflectiveOperationException {
        return (int) ExitingCode.class.getDeclaredMethod("four").invoke(null);
    }

    private static int four() {
        return 4;
    }
}
