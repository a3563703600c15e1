package com.wedsync.perf.gate.budget;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;

/**
 * The most a group of bundles may weigh: every file whose name (without directories) matches {@code pattern}, a glob
 * such as {@code main*.js}, counted together. Sizes in KiB (1,024 bytes), as webpack reports them.
 */
public record BundleBudget(String name, String pattern, double maxKib) {

    public boolean matches(String file) {
        String fileName = file.substring(file.lastIndexOf('/') + 1);
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        return matcher.matches(Path.of(fileName));
    }
}
