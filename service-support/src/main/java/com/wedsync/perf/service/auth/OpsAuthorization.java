package com.wedsync.perf.service.auth;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Recognises the ops bearer token ({@code PERF_OPS_TOKEN}); without one configured, nobody is ops. A
 * token shorter than {@value #MIN_LENGTH} characters stops the service at start: it opens every tenant's data.
 */
@ApplicationScoped
public class OpsAuthorization implements CredentialResolver {

    public static final int MIN_LENGTH = 32;

    private final Optional<String> opsToken;

    public OpsAuthorization(@ConfigProperty(name = "perf.ops-token") Optional<String> opsToken) {
        this.opsToken = opsToken.filter(token -> !token.isBlank());
    }

    void refuseAWeakToken(@Observes StartupEvent started) {
        if (opsToken.isPresent() && opsToken.get().strip().length() < MIN_LENGTH) {
            throw new IllegalStateException("PERF_OPS_TOKEN is " + opsToken.get().strip().length()
                    + " characters long; it needs at least " + MIN_LENGTH + " (e.g. openssl rand -hex 24)");
        }
    }

    @Override
    public Optional<Caller> resolve(String token) {
        return opsToken.isPresent() && SecretHash.matches(token, opsToken.get()) ? Optional.of(Caller.ops()) : Optional.empty();
    }
}
