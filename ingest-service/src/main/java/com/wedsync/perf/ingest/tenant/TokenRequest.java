package com.wedsync.perf.ingest.tenant;

/**
 * A tenant token to issue: its name (recorded as the actor of what it changes) and scope ({@code read},
 * {@code write} or {@code admin}). {@code token} sets the secret (ops registering known secrets); left out, one is
 * generated and shown once.
 */
public record TokenRequest(String name, String scope, String token) {
}
