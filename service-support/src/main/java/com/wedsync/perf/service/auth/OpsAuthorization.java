package com.wedsync.perf.service.auth;

import com.wedsync.perf.service.api.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Admits a request carrying the ops bearer token ({@code PERF_OPS_TOKEN}); without one configured, admits none. */
@ApplicationScoped
public class OpsAuthorization {

    private final Optional<String> opsToken;

    public OpsAuthorization(@ConfigProperty(name = "perf.ops-token") Optional<String> opsToken) {
        this.opsToken = opsToken.filter(token -> !token.isBlank());
    }

    /** True when the header carries the configured ops token. */
    public boolean isOps(String authorization) {
        return opsToken.isPresent() && SecretHash.matches(BearerToken.from(authorization), opsToken.get());
    }

    public void require(String authorization) {
        String expected = opsToken.orElseThrow(() -> ApiException.forbidden("admin_disabled",
                "no ops token is configured (PERF_OPS_TOKEN), so the admin API is closed"));
        if (!SecretHash.matches(BearerToken.from(authorization), expected)) {
            throw ApiException.unauthorized("the bearer token is not the ops token");
        }
    }
}
