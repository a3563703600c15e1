package com.wedsync.perf.aggregation.query;

import com.wedsync.perf.service.api.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks another instance for the keys it owns, with the caller's own Authorization header, so the owner
 * checks the same permissions. The owner's answer (or its JSON error) is passed on as it is.
 */
@ApplicationScoped
public class PeerClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public HttpResponse<String> get(HostInfo peer, String pathAndQuery, String authorization) {
        URI uri = URI.create("http://" + peer.host() + ":" + peer.port() + pathAndQuery);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET()
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw ApiException.unavailable("the instance owning this data (" + peer.host() + ":" + peer.port()
                    + ") did not answer: " + e.getMessage(), TrendStoreReader.RETRY_AFTER_SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("interrupted while asking " + peer, TrendStoreReader.RETRY_AFTER_SECONDS);
        }
    }
}
