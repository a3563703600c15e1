package com.wedsync.perf.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key the services encrypt stored secrets with ({@code PERF_SECRETS_KEY}): the environment's when set, otherwise
 * one made on the first start and kept with the data ({@code secrets.key}, readable by its owner only) — a new key
 * each start would leave every stored secret unreadable.
 */
final class SecretsKeyFile {

    static final String NAME = "secrets.key";

    private SecretsKeyFile() {
    }

    static String keyFor(Path dataDir) {
        String given = System.getenv("PERF_SECRETS_KEY");
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        Path file = dataDir.resolve(NAME);
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.createDirectories(dataDir);
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, "k1:" + Base64.getEncoder().encodeToString(key) + "\n");
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the secrets key in " + file, e);
        }
    }
}
