package com.wedsync.perf.service.api;

/** The body of every error answer: a stable machine code and what went wrong, and where. */
public record ApiError(String error, String detail) {
}
