package com.wedsync.perf.ingest.api;

/**
 * One item of a beacon that was refused while the others were accepted.
 *
 * @param at where in the body: {@code metrics[3]}, {@code navigation.dns}, {@code [0]}, …
 */
public record Rejection(String at, String error, String detail) {
}
