package com.wedsync.perf.ingest.otlp;

import com.wedsync.perf.model.event.ServerOperations;
import com.wedsync.perf.model.route.RouteNormalizer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which wedding operation a span is, when it does not say ({@code wedsync.operation}): a table from
 * {@code "METHOD /route"}, a bare {@code /route} or a span name to an operation ({@code perf.otlp.operations},
 * {@code PERF_OTLP_OPERATIONS}: comma-separated {@code key=operation}). Routes are compared after the same
 * normalisation as every route, with template parameters ({@code {id}}, {@code :weddingId}, {@code <id>}) as
 * {@code :id}; anything the table does not name is an {@code api_request} of its route.
 */
@ApplicationScoped
public class OperationTable {

    private static final Pattern TEMPLATE_SEGMENT = Pattern.compile("(?<=/)(\\{[^/}]*}|:[A-Za-z_][A-Za-z0-9_]*|<[^/>]*>)");

    private final Map<String, String> operations = new HashMap<>();

    public OperationTable(@ConfigProperty(name = "perf.otlp.operations") List<String> entries) {
        for (String entry : entries) {
            int equals = entry.lastIndexOf('=');
            String operation = equals < 0 ? "" : entry.substring(equals + 1).strip();
            if (equals <= 0 || !ServerOperations.isValidName(operation)) {
                throw new IllegalArgumentException("perf.otlp.operations: '" + entry
                        + "' is not key=operation (an operation is lower-case words joined by _ . -)");
            }
            operations.put(key(entry.substring(0, equals)), operation);
        }
    }

    /** The operation of a span with this HTTP method and route (either may be null) and name. */
    public String operationOf(String method, String route, String spanName) {
        if (route != null) {
            String normalised = route(route);
            if (method != null) {
                String found = operations.get(method.strip().toUpperCase(Locale.ROOT) + " " + normalised);
                if (found != null) {
                    return found;
                }
            }
            String found = operations.get(normalised);
            if (found != null) {
                return found;
            }
        }
        String byName = spanName == null ? null : operations.get(key(spanName));
        return byName != null ? byName : ServerOperations.API_REQUEST;
    }

    /** A route template as stored: its parameters as {@code :id}, then normalised like every route. */
    public static String route(String template) {
        return RouteNormalizer.normalize(TEMPLATE_SEGMENT.matcher(template.strip()).replaceAll(":id"));
    }

    private static String key(String raw) {
        String key = raw.strip();
        int space = key.indexOf(' ');
        if (space > 0 && key.indexOf('/', space) > space) {
            return key.substring(0, space).toUpperCase(Locale.ROOT) + " " + route(key.substring(space + 1));
        }
        return key.startsWith("/") ? route(key) : key;
    }
}
