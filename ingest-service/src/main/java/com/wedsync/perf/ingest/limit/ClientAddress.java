package com.wedsync.perf.ingest.limit;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address of the client behind a request. X-Forwarded-For is believed only from configured proxies
 * ({@code INGEST_TRUSTED_PROXIES}); the client is the rightmost address that is not itself a trusted proxy.
 */
@ApplicationScoped
public class ClientAddress {

    private final Set<String> trustedProxies;

    public ClientAddress(@ConfigProperty(name = "ingest.trusted-proxies") Optional<List<String>> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies.orElse(List.of()));
    }

    public String resolve(String remoteAddress, String forwardedFor) {
        if (forwardedFor == null || !trustedProxies.contains(remoteAddress)) {
            return remoteAddress;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return remoteAddress;
    }
}
