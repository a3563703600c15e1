package com.wedsync.perf.scaling.api;

import com.wedsync.perf.service.auth.Caller;
import com.wedsync.perf.service.auth.CredentialResolver;
import com.wedsync.perf.service.auth.Grant;
import com.wedsync.perf.service.auth.OpsAuthorization;
import com.wedsync.perf.service.auth.SecretHash;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.EnumSet;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The token KEDA's metrics-api scaler presents ({@code SCALING_KEDA_TOKEN}): it reads {@code GET /v1/keda/{tenant}}
 * of any tenant and the platform, and nothing else — so the autoscaler's cluster secret is not the ops token, which
 * opens every tenant's data in every service. At least 32 characters, or the service does not start.
 */
@ApplicationScoped
public class KedaToken implements CredentialResolver {

    private final Optional<String> token;

    public KedaToken(@ConfigProperty(name = "perf.keda-token") Optional<String> token) {
        this.token = token.map(String::strip).filter(t -> !t.isEmpty());
    }

    void refuseAWeakToken(@Observes StartupEvent started) {
        if (token.isPresent() && token.get().length() < OpsAuthorization.MIN_LENGTH) {
            throw new IllegalStateException("SCALING_KEDA_TOKEN is " + token.get().length() + " characters long; it needs at least "
                    + OpsAuthorization.MIN_LENGTH);
        }
    }

    @Override
    public Optional<Caller> resolve(String presented) {
        return token.isPresent() && SecretHash.matches(presented, token.get())
                ? Optional.of(new Caller("keda", Caller.Kind.KEDA, null, EnumSet.of(Grant.KEDA))) : Optional.empty();
    }
}
