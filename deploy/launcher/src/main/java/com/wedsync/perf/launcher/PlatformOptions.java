package com.wedsync.perf.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The options of {@link PlatformMain}. */
record PlatformOptions(boolean fresh, boolean stackOnly, boolean demo, Optional<Path> envFile, Path projectDir) {

    static PlatformOptions parse(List<String> args) {
        return new PlatformOptions(args.contains("--fresh"), args.contains("--stack-only"), args.contains("--demo"),
                value(args, "--env-file").map(Path::of).map(Path::toAbsolutePath),
                value(args, "--project-dir").map(Path::of).orElse(Path.of("")).toAbsolutePath());
    }

    private static Optional<String> value(List<String> args, String option) {
        int index = args.indexOf(option);
        return index >= 0 && index + 1 < args.size() ? Optional.of(args.get(index + 1)) : Optional.empty();
    }
}
