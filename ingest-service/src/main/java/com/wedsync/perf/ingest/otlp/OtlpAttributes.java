package com.wedsync.perf.ingest.otlp;

import com.wedsync.perf.model.event.Arms;
import com.wedsync.perf.model.event.ServerOperations;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.List;

/**
 * Reading OTLP attributes: the first of several keys that is set, as text or as a number; and what spans and metric
 * points both say through them — the wedding operation, the HTTP status, the release.
 */
final class OtlpAttributes {

    private OtlpAttributes() {
    }

    /**
     * {@code wedsync.operation} when set (refused unless a valid name), else the table's operation for
     * {@code http.route} with its method, or for the span name.
     */
    static String operation(List<KeyValue> attributes, OperationTable table, String spanName) {
        String operation = text(attributes, "wedsync.operation");
        if (operation == null) {
            return table.operationOf(text(attributes, "http.request.method", "http.method"),
                    text(attributes, "http.route"), spanName);
        }
        if (!ServerOperations.isValidName(operation)) {
            throw new IllegalArgumentException("wedsync.operation '" + bounded(operation)
                    + "' must be lower-case words joined by _ . -");
        }
        return operation;
    }

    /** {@code http.response.status_code} (or the older {@code http.status_code}), 0 when not set. */
    static long httpStatus(List<KeyValue> attributes) {
        long status = number(attributes, "http.response.status_code", "http.status_code");
        if (status < 0 || status > 599) {
            throw new IllegalArgumentException("http.response.status_code " + status + " is not an HTTP status");
        }
        return status;
    }

    /** The resource's {@code service.version} when it is a release name, else null. */
    static String release(List<KeyValue> resourceAttributes) {
        String version = text(resourceAttributes, "service.version");
        return version != null && Arms.isRelease(version) ? version : null;
    }

    static String text(List<KeyValue> attributes, String... keys) {
        for (String key : keys) {
            for (KeyValue attribute : attributes) {
                if (attribute.getKey().equals(key) && attribute.getValue().getValueCase() == AnyValue.ValueCase.STRING_VALUE) {
                    return attribute.getValue().getStringValue();
                }
            }
        }
        return null;
    }

    static long number(List<KeyValue> attributes, String... keys) {
        for (String key : keys) {
            for (KeyValue attribute : attributes) {
                if (!attribute.getKey().equals(key)) {
                    continue;
                }
                AnyValue value = attribute.getValue();
                if (value.getValueCase() == AnyValue.ValueCase.INT_VALUE) {
                    return value.getIntValue();
                }
                if (value.getValueCase() == AnyValue.ValueCase.STRING_VALUE && value.getStringValue().matches("\\d{1,3}")) {
                    return Long.parseLong(value.getStringValue());
                }
            }
        }
        return 0;
    }

    static String bounded(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }
}
