package com.wedsync.perf.localstack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The full runtime classpath of this module: its own classes plus the dependency list the build wrote
 * beside them. Child JVMs (the broker, ./platform) run on it, never on the caller's classpath.
 */
public final class OwnClasspath {

    private static final String RESOURCE = "runtime.classpath";

    private OwnClasspath() {
    }

    public static String get() {
        try (InputStream in = OwnClasspath.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing: build the local-stack module "
                        + "with Maven (./mvnw -pl deploy/local-stack -am package)");
            }
            String dependencies = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            Path ownClasses = Path.of(OwnClasspath.class.getProtectionDomain().getCodeSource().getLocation().toURI());
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
