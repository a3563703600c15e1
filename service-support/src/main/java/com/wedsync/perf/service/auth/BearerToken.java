package com.wedsync.perf.service.auth;

import com.wedsync.perf.service.api.ApiException;

/** Reads the token of an {@code Authorization: Bearer …} header. */
public final class BearerToken {

    private BearerToken() {
    }

    public static String from(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw ApiException.unauthorized("an Authorization: Bearer <token> header is required");
        }
        String value = authorization.strip();
        if (value.length() < 8 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiException.unauthorized("the Authorization header must be 'Bearer <token>'");
        }
        return value.substring(7).strip();
    }
}
