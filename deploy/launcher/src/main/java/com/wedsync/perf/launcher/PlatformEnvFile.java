package com.wedsync.perf.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * The {@code KEY=value} file a shell can source while the platform runs; removed when it stops. Only its owner can
 * read it (mode 600).
 */
final class PlatformEnvFile {

    private PlatformEnvFile() {
    }

    static void write(Path file, Map<String, String> env) {
        StringBuilder text = new StringBuilder("# written by ./platform up; removed when it stops\n");
        env.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(partial);
            ownerOnly(partial);
            Files.writeString(partial, text);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Created readable and writable by its owner only: it holds the ops token and the demo tenant's keys. */
    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            System.err.println("could not remove " + file + ": " + e.getMessage());
        }
    }
}
