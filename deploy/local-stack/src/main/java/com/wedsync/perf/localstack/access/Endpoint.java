package com.wedsync.perf.localstack.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One HTTP endpoint of a service, as its JAX-RS annotations declare it ({@code GET /v1/alerts/{id}}), found by
 * scanning the service's compiled classes — hidden endpoints included, so none escapes the access matrix.
 */
public record Endpoint(String method, String path) {

    @Override
    public String toString() {
        return method + " " + path;
    }

    /** Every endpoint declared by the classes under {@code classes} (a module's {@code target/classes}). */
    public static List<Endpoint> scan(Path classes) {
        List<Endpoint> endpoints = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                endpoints.addAll(of(load(name)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scan " + classes, e);
        }
        endpoints.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method));
        return endpoints;
    }

    private static List<Endpoint> of(Class<?> type) {
        String base = pathOf(type.getAnnotations());
        if (base == null) {
            return List.of();
        }
        List<Endpoint> endpoints = new ArrayList<>();
        for (Method method : type.getDeclaredMethods()) {
            String verb = verb(method);
            if (verb != null) {
                String sub = pathOf(method.getAnnotations());
                endpoints.add(new Endpoint(verb, join(base, sub == null ? "" : sub)));
            }
        }
        return endpoints.stream().distinct().toList();
    }

    private static String verb(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            for (Annotation meta : annotation.annotationType().getAnnotations()) {
                if (meta.annotationType().getName().equals("jakarta.ws.rs.HttpMethod")) {
                    return value(meta);
                }
            }
        }
        return null;
    }

    private static String pathOf(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation.annotationType().getName().equals("jakarta.ws.rs.Path")) {
                return value(annotation);
            }
        }
        return null;
    }

    private static String join(String base, String sub) {
        String joined = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static String value(Annotation annotation) {
        try {
            return (String) annotation.annotationType().getMethod("value").invoke(annotation);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + annotation, e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("cannot load " + name + " to scan it for endpoints", e);
        }
    }
}
