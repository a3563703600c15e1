package com.wedsync.perf.ingest.tenant;

import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.model.event.Tier;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The rules a tenant registration must meet, each failure naming the field. */
final class TenantValidation {

    private static final Pattern TENANT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    private static final Pattern INGEST_KEY = Pattern.compile("[A-Za-z0-9_\\-]{8,128}");
    private static final int MIN_SECRET_LENGTH = 16;

    private TenantValidation() {
    }

    static String tenantId(String id) {
        if (id == null || !TENANT_ID.matcher(id).matches()) {
            throw ApiException.badRequest("invalid_tenant_id", "tenant id '" + id
                    + "' must be 2-63 lower-case letters, digits or '-', starting with a letter or digit");
        }
        return id;
    }

    static String name(String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw ApiException.badRequest("invalid_field", "name is required (1-200 characters)");
        }
        return name.strip();
    }

    static Tier tier(String tier) {
        if (tier == null || tier.isBlank()) {
            return Tier.STANDARD;
        }
        try {
            return Tier.valueOf(tier.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_field", "tier '" + tier + "' must be standard or premium");
        }
    }

    static List<String> ingestKeys(List<String> keys) {
        List<String> list = keys == null ? List.of() : keys;
        for (String key : list) {
            if (key == null || !INGEST_KEY.matcher(key).matches()) {
                throw ApiException.badRequest("invalid_field",
                        "ingestKeys: '" + key + "' must be 8-128 letters, digits, '_' or '-'");
            }
        }
        return List.copyOf(list);
    }

    static List<String> origins(List<String> origins) {
        List<String> list = origins == null ? List.of() : origins;
        return list.stream().map(TenantValidation::origin).toList();
    }

    static String secret(String secret, String field) {
        if (secret != null && (secret.length() < MIN_SECRET_LENGTH || secret.isBlank())) {
            throw ApiException.badRequest("invalid_field", field + " must be at least " + MIN_SECRET_LENGTH + " characters");
        }
        return secret;
    }

    /** An origin exactly as browsers send it: scheme, host and port only, lower case, no trailing slash. */
    private static String origin(String origin) {
        try {
            URI uri = URI.create(origin == null ? "" : origin.strip());
            boolean plain = uri.getScheme() != null && uri.getHost() != null && uri.getUserInfo() == null
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && (uri.getScheme().equals("https") || uri.getScheme().equals("http"));
            if (plain) {
                return uri.toString().toLowerCase(Locale.ROOT);
            }
        } catch (IllegalArgumentException malformed) {
            // reported below
        }
        throw ApiException.badRequest("invalid_field",
                "allowedOrigins: '" + origin + "' must be an origin like https://app.example.com (no path)");
    }
}
