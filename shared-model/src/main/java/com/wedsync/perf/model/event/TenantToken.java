package com.wedsync.perf.model.event;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * One of a tenant's bearer tokens, as {@code perf.tenants.v1} carries it: a name the tenant chose (recorded as the
 * actor of everything the token does), its scope and the hash of its secret — never the secret.
 */
public record TenantToken(String name, TokenScope scope, String hash, Instant issuedAt) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,47}");

    public TenantToken {
        Require.text(name, "token name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("token name must be 1-48 lower-case letters, digits, '.', '_' or '-'");
        }
        Require.present(scope, "token scope");
        Require.text(hash, "token hash");
        Require.present(issuedAt, "token issuedAt");
    }

    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}
