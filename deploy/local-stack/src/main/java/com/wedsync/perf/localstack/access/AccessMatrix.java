package com.wedsync.perf.localstack.access;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may call what, for every endpoint of a service: each endpoint's expected answer to each credential (no token,
 * other tenants' and projects' tokens, own tokens by scope, ops…), checked against the running service. An endpoint
 * the service declares without an entry here, or an entry for an endpoint that no longer exists, fails the check:
 * a new endpoint cannot ship without saying who may call it.
 *
 * <p>Expectations are written {@code "none=401 ops=ok aRead=ok bRead=404"}: a status, or {@code ok} for "admitted"
 * (anything but 401, 403 and 404, so the fixtures must make an admitted call find what it asks for).
 */
public final class AccessMatrix {

    private static final Set<Integer> REFUSALS = Set.of(401, 403, 404);

    private final String baseUrl;
    private final Map<String, String> credentials = new LinkedHashMap<>();
    private final Map<String, String> pathValues = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> endpointPathValues = new LinkedHashMap<>();
    private final Map<String, String> expectations = new LinkedHashMap<>();
    private final Map<String, String> bodies = new LinkedHashMap<>();
    private final Map<String, String> queries = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> headers = new LinkedHashMap<>();
    private final Map<String, Runnable> preparations = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private AccessMatrix(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static AccessMatrix at(String baseUrl) {
        return new AccessMatrix(baseUrl);
    }

    /** A credential by its short name; {@code header} is the whole Authorization value, or null for none. */
    public AccessMatrix credential(String name, String header) {
        credentials.put(name, header);
        return this;
    }

    /** What a path parameter such as {@code {id}} is replaced with in every request. */
    public AccessMatrix pathValue(String parameter, String value) {
        pathValues.put("{" + parameter + "}", value);
        return this;
    }

    /** What a path parameter is replaced with in requests to endpoints whose path starts with {@code pathPrefix}. */
    public AccessMatrix pathValue(String pathPrefix, String parameter, String value) {
        endpointPathValues.computeIfAbsent(pathPrefix, e -> new LinkedHashMap<>()).put("{" + parameter + "}", value);
        return this;
    }

    /** The expected answers of {@code endpoint} ({@code "GET /v1/x"}), one per credential. */
    public AccessMatrix expect(String endpoint, String answers) {
        expectations.put(endpoint, answers);
        return this;
    }

    /** The expected answers, with the JSON body and query string each request carries. */
    public AccessMatrix expect(String endpoint, String query, String body, String answers) {
        if (query != null) {
            queries.put(endpoint, query);
        }
        if (body != null) {
            bodies.put(endpoint, body);
        }
        return expect(endpoint, answers);
    }

    /** A header every request to {@code endpoint} carries besides Authorization (an Origin, say). */
    public AccessMatrix header(String endpoint, String name, String value) {
        headers.computeIfAbsent(endpoint, e -> new LinkedHashMap<>()).put(name, value);
        return this;
    }

    /** Runs before every request to {@code endpoint}, so that each credential finds what the one before changed. */
    public AccessMatrix before(String endpoint, Runnable preparation) {
        preparations.put(endpoint, preparation);
        return this;
    }

    /** Every mismatch: endpoints without an entry, entries without an endpoint, and answers other than expected. */
    public List<String> mismatches(Path classes) {
        List<String> problems = new ArrayList<>();
        Set<String> declared = new TreeSet<>();
        Endpoint.scan(classes).forEach(e -> declared.add(e.toString()));
        declared.stream().filter(e -> !expectations.containsKey(e))
                .forEach(e -> problems.add(e + ": no entry in the access matrix"));
        expectations.keySet().stream().filter(e -> !declared.contains(e))
                .forEach(e -> problems.add(e + ": in the matrix but not an endpoint of the service"));
        expectations.forEach((endpoint, answers) -> {
            if (declared.contains(endpoint)) {
                problems.addAll(check(endpoint, answers));
            }
        });
        return problems;
    }

    private List<String> check(String endpoint, String answers) {
        List<String> problems = new ArrayList<>();
        Map<String, String> expected = parse(answers);
        credentials.keySet().stream().filter(c -> !expected.containsKey(c))
                .forEach(c -> problems.add(endpoint + ": no expectation for credential '" + c + "'"));
        expected.forEach((credential, outcome) -> {
            if (!credentials.containsKey(credential)) {
                problems.add(endpoint + ": unknown credential '" + credential + "'");
                return;
            }
            preparations.getOrDefault(endpoint, () -> { }).run();
            HttpResponse<String> response = send(endpoint, credentials.get(credential));
            int status = response.statusCode();
            boolean met = outcome.equals("ok") ? !REFUSALS.contains(status) : Integer.toString(status).equals(outcome);
            if (!met) {
                String body = response.body().length() > 200 ? response.body().substring(0, 200) : response.body();
                problems.add(endpoint + " as " + credential + ": expected " + outcome + ", got " + status + " " + body);
            }
        });
        return problems;
    }

    private HttpResponse<String> send(String endpoint, String authorization) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = endpoint.substring(endpoint.indexOf(' ') + 1);
        for (Map.Entry<String, Map<String, String>> scoped : endpointPathValues.entrySet()) {
            if (path.startsWith(scoped.getKey())) {
                for (Map.Entry<String, String> value : scoped.getValue().entrySet()) {
                    path = path.replace(value.getKey(), value.getValue());
                }
            }
        }
        for (Map.Entry<String, String> value : pathValues.entrySet()) {
            path = path.replace(value.getKey(), value.getValue());
        }
        String query = queries.get(endpoint);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path + (query == null ? "" : "?" + query)))
                .timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.getOrDefault(endpoint, Map.of()).forEach(request::header);
        boolean withBody = method.equals("POST") || method.equals("PUT");
        if (withBody) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, withBody ? HttpRequest.BodyPublishers.ofString(bodies.getOrDefault(endpoint, "{}"))
                : HttpRequest.BodyPublishers.noBody());
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(endpoint + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Map<String, String> parse(String answers) {
        Map<String, String> expected = new LinkedHashMap<>();
        for (String pair : answers.trim().split("\\s+")) {
            String[] parts = pair.split("=", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("'" + pair + "' is not credential=answer");
            }
            expected.put(parts[0], parts[1]);
        }
        return expected;
    }
}
