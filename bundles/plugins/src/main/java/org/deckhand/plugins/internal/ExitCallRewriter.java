package org.deckhand.plugins.internal;

import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites a class's calls that would stop the JVM into calls to {@code BlockedExit}, which throw a
 * {@link SecurityException}: {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt}, called directly or
 * through a method reference ({@code System::exit}, a method handle constant), and the reflective look-ups
 * {@code Class.getMethod}, {@code Class.getDeclaredMethod}, {@code MethodHandles.Lookup.findStatic} and
 * {@code findVirtual}, which {@code BlockedExit} refuses for those methods only. Each redirected call keeps the stack
 * as it was (the receiver becomes the first argument of a static method), so stack map frames stay valid and no
 * class is loaded to rewrite another. This is the bytecode interception that JEP 486 (Permanently Disable the
 * Security Manager) recommends for blocking {@code System.exit}.
 *
 * <p>Not covered: a method obtained some other way (from {@code Class.getMethods()} or
 * {@code MethodHandles.Lookup.unreflect} of such a method) and invoked, native code, and classes not loaded by the
 * plugin's own class loader.
 */
final class ExitCallRewriter {

    /**
     * The internal name of the class the calls are redirected to: {@code org.deckhand.kernel.exit.BlockedExit}, in the
     * kernel, whose package the framework delegates to the class path for every bundle (see the kernel's
     * FelixLauncher), so that a rewritten class needs no import.
     */
    static final String BLOCKED_EXIT = "org/deckhand/kernel/exit/BlockedExit";
    private static final String LOOKUP = "java/lang/invoke/MethodHandles$Lookup";
    private static final String FIND_DESCRIPTOR =
            "(Ljava/lang/Class;Ljava/lang/String;Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/MethodHandle;";
    private static final String GET_METHOD_DESCRIPTOR =
            "(Ljava/lang/String;[Ljava/lang/Class;)Ljava/lang/reflect/Method;";

    /** Each call replaced, by owner, name and descriptor, with the static method of {@code BlockedExit} it becomes. */
    private static final Map<String, Redirect> REDIRECTS = Map.of(
            "java/lang/System.exit(I)V", new Redirect("exit", "(I)V"),
            "java/lang/Runtime.exit(I)V", new Redirect("exit", "(Ljava/lang/Runtime;I)V"),
            "java/lang/Runtime.halt(I)V", new Redirect("halt", "(Ljava/lang/Runtime;I)V"),
            "java/lang/Class.getMethod" + GET_METHOD_DESCRIPTOR,
            new Redirect("getMethod", "(Ljava/lang/Class;" + GET_METHOD_DESCRIPTOR.substring(1)),
            "java/lang/Class.getDeclaredMethod" + GET_METHOD_DESCRIPTOR,
            new Redirect("getDeclaredMethod", "(Ljava/lang/Class;" + GET_METHOD_DESCRIPTOR.substring(1)),
            LOOKUP + ".findStatic" + FIND_DESCRIPTOR,
            new Redirect("findStatic", "(L" + LOOKUP + ";" + FIND_DESCRIPTOR.substring(1)),
            LOOKUP + ".findVirtual" + FIND_DESCRIPTOR,
            new Redirect("findVirtual", "(L" + LOOKUP + ";" + FIND_DESCRIPTOR.substring(1)));

    private ExitCallRewriter() {
    }

    /**
     * @param classBytes a class file
     * @return the class file with its exit calls redirected, or {@code null} when it makes none
     * @throws IllegalArgumentException if ASM cannot read the class file, such as one of a Java version newer than
     *     ASM knows
     */
    static byte[] rewrite(byte[] classBytes) {
        ClassReader reader = new ClassReader(classBytes);
        ClassWriter writer = new ClassWriter(reader, 0);
        Redirector redirector = new Redirector(writer);
        reader.accept(redirector, 0);
        return redirector.changed ? writer.toByteArray() : null;
    }

    private record Redirect(String name, String descriptor) {
    }

    private static final class Redirector extends ClassVisitor {

        private boolean changed;

        Redirector(ClassVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature,
                    exceptions)) {
                @Override
                public void visitMethodInsn(int opcode, String owner, String method, String methodDescriptor,
                        boolean isInterface) {
                    Redirect redirect = opcode == Opcodes.INVOKESTATIC || opcode == Opcodes.INVOKEVIRTUAL
                            ? REDIRECTS.get(owner + "." + method + methodDescriptor) : null;
                    if (redirect == null) {
                        super.visitMethodInsn(opcode, owner, method, methodDescriptor, isInterface);
                    } else {
                        changed = true;
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, BLOCKED_EXIT, redirect.name(),
                                redirect.descriptor(), false);
                    }
                }

                @Override
                public void visitLdcInsn(Object value) {
                    super.visitLdcInsn(constant(value));
                }

                @Override
                public void visitInvokeDynamicInsn(String method, String methodDescriptor, Handle bootstrap,
                        Object... arguments) {
                    super.visitInvokeDynamicInsn(method, methodDescriptor, bootstrap, constants(arguments));
                }
            };
        }

        private Object[] constants(Object[] values) {
            Object[] rewritten = new Object[values.length];
            for (int i = 0; i < values.length; i++) {
                rewritten[i] = constant(values[i]);
            }
            return rewritten;
        }

        private Object constant(Object value) {
            if (value instanceof Handle handle) {
                return handle(handle);
            }
            if (value instanceof ConstantDynamic dynamic) {
                Object[] arguments = new Object[dynamic.getBootstrapMethodArgumentCount()];
                for (int i = 0; i < arguments.length; i++) {
                    arguments[i] = constant(dynamic.getBootstrapMethodArgument(i));
                }
                return new ConstantDynamic(dynamic.getName(), dynamic.getDescriptor(), dynamic.getBootstrapMethod(),
                        arguments);
            }
            return value;
        }

        private Handle handle(Handle handle) {
            boolean invocation = handle.getTag() == Opcodes.H_INVOKESTATIC
                    || handle.getTag() == Opcodes.H_INVOKEVIRTUAL;
            Redirect redirect = invocation
                    ? REDIRECTS.get(handle.getOwner() + "." + handle.getName() + handle.getDesc()) : null;
            if (redirect == null) {
                return handle;
            }
            changed = true;
            return new Handle(Opcodes.H_INVOKESTATIC, BLOCKED_EXIT, redirect.name(), redirect.descriptor(), false);
        }
    }
}
