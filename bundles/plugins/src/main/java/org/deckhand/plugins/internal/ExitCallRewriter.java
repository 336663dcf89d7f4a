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
 * {@code Class.getMethod}, {@code Class.getDeclaredMethod}, {@code MethodHandles.Lookup.findStatic},
 * {@code findVirtual}, {@code bind} and {@code unreflect}, which {@code BlockedExit} refuses for those methods (and,
 * for method handles, for the reflective calls themselves) only. Each redirected call keeps the stack as it was (the
 * receiver becomes the first argument of a static method), so stack map frames stay valid and no class is loaded to
 * rewrite another. A call of {@code Method.invoke}, however the method was found ({@code Class.getMethods()} too),
 * stays the plugin's own call, with its access rights, after a check of the method that it first copies to the top of
 * the stack ({@code BlockedExit.checkInvoke}); a method reference {@code Method::invoke} goes to
 * {@code BlockedExit.invoke}. This is the bytecode interception that JEP 486 (Permanently Disable the Security
 * Manager) recommends for blocking {@code System.exit}.
 *
 * <p>Not covered: JDK code that a plugin asks to call a method by its name ({@code java.beans.Statement},
 * {@code java.beans.EventHandler}, {@code java.beans.XMLDecoder}), native code, other processes (a plugin may start
 * {@code kill}), and classes not loaded by the plugin's own class loader.
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
    private static final String METHOD = "java/lang/reflect/Method";
    private static final String INVOKE_DESCRIPTOR = "(Ljava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;";
    private static final String METHOD_INVOKE = METHOD + ".invoke" + INVOKE_DESCRIPTOR;
    private static final String BIND_DESCRIPTOR =
            "(Ljava/lang/Object;Ljava/lang/String;Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/MethodHandle;";
    private static final String UNREFLECT_DESCRIPTOR = "(L" + METHOD + ";)Ljava/lang/invoke/MethodHandle;";

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
            new Redirect("findVirtual", "(L" + LOOKUP + ";" + FIND_DESCRIPTOR.substring(1)),
            LOOKUP + ".bind" + BIND_DESCRIPTOR,
            new Redirect("bind", "(L" + LOOKUP + ";" + BIND_DESCRIPTOR.substring(1)),
            LOOKUP + ".unreflect" + UNREFLECT_DESCRIPTOR,
            new Redirect("unreflect", "(L" + LOOKUP + ";" + UNREFLECT_DESCRIPTOR.substring(1)),
            METHOD_INVOKE, new Redirect("invoke", "(L" + METHOD + ";" + INVOKE_DESCRIPTOR.substring(1)));

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
        // the check before Method.invoke takes two more stack slots: ASM recomputes the maximum (no class is loaded)
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
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
                    String call = owner + "." + method + methodDescriptor;
                    if (opcode == Opcodes.INVOKEVIRTUAL && call.equals(METHOD_INVOKE)) {
                        changed = true;
                        // method, target, arguments -> method, target, arguments, method: checked, then called
                        super.visitInsn(Opcodes.DUP2_X1);
                        super.visitInsn(Opcodes.POP2);
                        super.visitInsn(Opcodes.DUP_X2);
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, BLOCKED_EXIT, "checkInvoke",
                                "(L" + METHOD + ";)V", false);
                        super.visitMethodInsn(opcode, owner, method, methodDescriptor, isInterface);
                        return;
                    }
                    Redirect redirect = opcode == Opcodes.INVOKESTATIC || opcode == Opcodes.INVOKEVIRTUAL
                            ? REDIRECTS.get(call) : null;
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
