package com.wedsync.perf.localstack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The full runtime classpath of a module: its own classes plus the dependency list its build wrote beside them
 * ({@code runtime.classpath} in the anchor class's package). Child JVMs (the broker, the platform launcher) run on it,
 * never on the caller's classpath.
 */
public final class OwnClasspath {

    private static final String RESOURCE = "runtime.classpath";

    private OwnClasspath() {
    }

    /** This (local-stack) module's classpath. */
    public static String get() {
        return of(OwnClasspath.class);
    }

    /** The classpath of the module that holds {@code anchor}. */
    public static String of(Class<?> anchor) {
        try (InputStream in = anchor.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " beside " + anchor.getName() + " is missing: "
                        + "build its module with Maven (./mvnw -DskipTests package)");
            }
            String dependencies = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            Path ownClasses = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            return ownClasses + File.pathSeparator + dependencies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
