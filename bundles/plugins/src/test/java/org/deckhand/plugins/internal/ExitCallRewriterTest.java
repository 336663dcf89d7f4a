package org.deckhand.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

class ExitCallRewriterTest {

    private static byte[] rewritten;
    private static Class<?> exitingCode;

    @BeforeAll
    static void rewriteAndLoad() throws ClassNotFoundException {
        rewritten = ExitCallRewriter.rewrite(classBytes(ExitingCode.class));
        assertNotNull(rewritten, "the exit calls were not rewritten");
        assertEquals(List.of(), exitReferences(rewritten),
                "the rewritten class still calls a method that stops the JVM; running it would end the tests");
        exitingCode = new RewrittenClassLoader(ExitingCode.class.getName(), rewritten)
                .loadClass(ExitingCode.class.getName());
    }

    @ParameterizedTest
    @CsvSource({
        "systemExit, System.exit(3) is blocked",
        "runtimeExit, Runtime.exit(4) is blocked",
        "runtimeHalt, Runtime.halt(5) is blocked",
        "methodReference, System.exit(6) is blocked",
        "haltReference, Runtime.halt(7) is blocked",
        "reflection, a reflective look-up of System.exit is blocked",
        "declaredReflection, a reflective look-up of Runtime.halt is blocked",
        "methodHandle, a reflective look-up of System.exit is blocked",
        "virtualMethodHandle, a reflective look-up of Runtime.exit is blocked",
        "everyMethodInvoked, a reflective call of Runtime.exit is blocked",
        "everyStaticMethodInvoked, a reflective call of System.exit is blocked",
        "haltInvoked, a reflective call of Runtime.halt is blocked",
        "unreflected, a reflective look-up of Runtime.halt is blocked",
        "bound, a reflective look-up of Runtime.exit is blocked",
        "invokeInvoked, a reflective call of Method.invoke is blocked",
        "invokeThroughAHandle, a reflective look-up of Method.invoke is blocked",
        "lookUpInvoked, a reflective call of Lookup.findVirtual is blocked",
        "invokeReference, a reflective call of Runtime.exit is blocked"})
    void everyWayToStopTheJvmThrowsASecurityExceptionTheCallerSees(String method, String message)
            throws ReflectiveOperationException {
        Method call = exitingCode.getDeclaredMethod(method);
        call.setAccessible(true);
        InvocationTargetException thrown = assertThrows(InvocationTargetException.class, () -> call.invoke(null));
        SecurityException blocked = assertInstanceOf(SecurityException.class, thrown.getCause());
        assertTrue(blocked.getMessage().startsWith(message), blocked.getMessage());
        assertTrue(blocked.getMessage().endsWith("may not stop the server"), blocked.getMessage());
    }

    @Test
    void reflectionThatReachesNoExitStillWorks() throws ReflectiveOperationException {
        Method call = exitingCode.getDeclaredMethod("otherReflection");
        call.setAccessible(true);
        assertEquals(4 + 5 + 3 + 3 + 4, call.invoke(null));
    }

    @Test
    void aClassThatCannotStopTheJvmIsLeftAsItIs() {
        assertNull(ExitCallRewriter.rewrite(classBytes(PluginFolder.class)));
    }

    @Test
    void aClassFileAsmCannotReadIsRefused() {
        byte[] future = classBytes(PluginFolder.class);
        future[7] = (byte) 200;
        assertThrows(IllegalArgumentException.class, () -> ExitCallRewriter.rewrite(future));
    }

    private static byte[] classBytes(Class<?> type) {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return every call and method handle in the class that targets System.exit, Runtime.exit or Runtime.halt */
    private static List<String> exitReferences(byte[] classFile) {
        List<String> found = new ArrayList<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc,
                            boolean isInterface) {
                        note(owner, method);
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String method, String desc, Handle bootstrap,
                            Object... arguments) {
                        for (Object argument : arguments) {
                            if (argument instanceof Handle handle) {
                                note(handle.getOwner(), handle.getName());
                            }
                        }
                    }

                    private void note(String owner, String method) {
                        boolean exit = (owner.equals("java/lang/System") || owner.equals("java/lang/Runtime"))
                                && (method.equals("exit") || method.equals("halt"));
                        if (exit) {
                            found.add(owner + "." + method);
                        }
                    }
                };
            }
        }, 0);
        return found;
    }

    /** Defines one class from the given bytes and leaves every other to its parent. */
    private static final class RewrittenClassLoader extends ClassLoader {

        private final String name;
        private final byte[] bytes;

        RewrittenClassLoader(String name, byte[] bytes) {
            super(ExitCallRewriterTest.class.getClassLoader());
            this.name = name;
            this.bytes = bytes;
        }

        @Override
        protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
            if (!className.equals(name)) {
                return super.loadClass(className, resolve);
            }
            synchronized (getClassLoadingLock(className)) {
                Class<?> loaded = findLoadedClass(className);
                return loaded != null ? loaded : defineClass(className, bytes, 0, bytes.length);
            }
        }
    }
}
