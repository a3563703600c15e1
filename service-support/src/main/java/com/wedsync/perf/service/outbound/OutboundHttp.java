package com.wedsync.perf.service.outbound;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Posts to a configured URL after {@link OutboundPolicy} allowed it: redirects are never followed (they could lead
 * anywhere), and at most {@value #HEAD_BYTES} bytes of the answer are read — a receiver cannot stream without end, and
 * what it says is never shown back to whoever configured it, except a Slack error code from Slack's own list.
 */
@ApplicationScoped
public class OutboundHttp {

    static final int HEAD_BYTES = 256;

    private final OutboundPolicy policy;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public OutboundHttp(OutboundPolicy policy) {
        this.policy = policy;
    }

    /** The status, the Retry-After header and the first bytes of the body; the connection is closed after them. */
    public record Answer(int status, Optional<String> retryAfter, String head) {

        public boolean isSuccess() {
            return status >= 200 && status < 300;
        }
    }

    public Answer post(String url, Destination destination, Map<String, String> headers, byte[] body, Duration timeout)
            throws DestinationRefused, IOException, InterruptedException {
        URI uri = policy.checkBeforeCall(url, destination);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            String head = new String(in.readNBytes(HEAD_BYTES), StandardCharsets.UTF_8);
            return new Answer(response.statusCode(), response.headers().firstValue("Retry-After"), head);
        }
    }
}
