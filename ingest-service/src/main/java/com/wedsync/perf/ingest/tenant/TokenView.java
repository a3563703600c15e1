package com.wedsync.perf.ingest.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.wedsync.perf.model.event.TenantToken;
import java.time.Instant;
import java.util.Locale;

/** A tenant token as the API shows it: name, scope and when it was issued; the secret only in the answer that issued it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenView(String name, String scope, Instant issuedAt, String token) {

    static TokenView of(TenantToken token, String secret) {
        return new TokenView(token.name(), token.scope().name().toLowerCase(Locale.ROOT), token.issuedAt(), secret);
    }
}
