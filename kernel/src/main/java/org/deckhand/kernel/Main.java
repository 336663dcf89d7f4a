package org.deckhand.kernel;

import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Starts Deckhand: {@code deckhand [--music DIR]... [--data DIR] [--host ADDR] [--port N]}. Prints one line when the
 * server is ready, with its URL, and only then lets the plugins start; on SIGTERM or SIGINT stops every bundle and
 * exits 0. Refuses to start with a one-line reason and exit status 1 when a music folder is missing, the data folder
 * is not writable or the port is taken, and with status 2 when the command line is malformed.
 */
public final class Main {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(9);
    private static final Logger JERSEY_PROVIDERS = Logger.getLogger("org.glassfish.jersey.internal.inject.Providers");

    private Main() {
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        long startNanos = System.nanoTime();
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(SettingsResolver.USAGE);
            return;
        }
        String version = version();
        if (args.length == 1 && args[0].equals("--version")) {
            System.out.println("Deckhand " + version);
            return;
        }
        try {
            Path home = Path.of(System.getProperty("deckhand.home", "")).toAbsolutePath().normalize();
            Settings settings = new SettingsResolver(home, System.getenv()).resolve(args);
            Preflight.check(settings);
            quietJavaUtilLogging();
            Framework framework = FelixLauncher.start(settings, version, System.getenv("DECKHAND_ADMIN_PASSWORD"));
            stopOnSignal(framework);
            ReadinessProbe probe = new ReadinessProbe(settings.host(), settings.port());
            String notReady = probe.await(READY_TIMEOUT);
            if (notReady != null) {
                stop(framework);
                throw new LaunchException("the server did not become ready within " + READY_TIMEOUT.toSeconds()
                        + " s: " + notReady, LaunchException.CANNOT_START);
            }
            System.out.printf("Deckhand %s ready at %s (listening on %s:%d, started in %.1f s)%n", version,
                    probe.userUrl(), settings.host(), settings.port(), (System.nanoTime() - startNanos) / 1e9);
            FelixLauncher.startPlugins(framework);
            FrameworkEvent stopped = framework.waitForStop(0);
            System.out.println("Deckhand stopped");
            System.exit(stopped.getType() == FrameworkEvent.ERROR ? 1 : 0);
        } catch (LaunchException e) {
            System.err.println("deckhand: cannot start: " + e.getMessage());
            System.exit(e.exitStatus());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(1);
        }
    }

    private static void stopOnSignal(Framework framework) {
        SignalHandler handler = signal -> {
            System.out.println("Deckhand stopping (SIG" + signal.getName() + ")");
            stop(framework);
        };
        Signal.handle(new Signal("TERM"), handler);
        Signal.handle(new Signal("INT"), handler);
    }

    /** Stops every bundle and closes the framework's storage, or exits 1 if that takes too long. */
    private static void stop(Framework framework) {
        try {
            framework.stop();
            FrameworkEvent event = framework.waitForStop(STOP_TIMEOUT.toMillis());
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                System.err.println("deckhand: bundles did not stop within " + STOP_TIMEOUT.toSeconds() + " s");
                Runtime.getRuntime().halt(1);
            }
        } catch (BundleException e) {
            System.err.println("deckhand: stopping failed: " + e.getMessage());
            Runtime.getRuntime().halt(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Jersey and HK2 log through java.util.logging: only warnings and worse, on one line each. Jersey warns about every
     * resource registered as an object, as the REST whiteboard registers them, although it serves them: Jersey issue
     * 3700 (eclipse-ee4j/jersey), so that one logger keeps only errors.
     */
    private static void quietJavaUtilLogging() {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format",
                    "%1$tF %1$tT [%4$s] %3$s - %5$s%6$s%n");
        }
        LogManager.getLogManager().getLogger("").setLevel(Level.WARNING);
        JERSEY_PROVIDERS.setLevel(Level.SEVERE);
    }

    private static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
