package org.deckhand.plugins.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
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

    /** Reflection that does not reach an exit, which must keep working. */
    static int otherReflection() throws Throwable {
        int length = (int) String.class.getMethod("length").invoke("four");
        int viaHandle = (int) MethodHandles.lookup().findVirtual(String.class, "length",
                MethodType.methodType(int.class)).invoke("three");
        return length + viaHandle;
    }
}
