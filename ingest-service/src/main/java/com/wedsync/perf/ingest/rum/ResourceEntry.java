package com.wedsync.perf.ingest.rum;

import com.fasterxml.jackson.databind.JsonNode;
import com.wedsync.perf.model.event.Attribution;

/** What is kept of a resource timing entry a page sends: type, protocol, size and the URL's pattern. */
final class ResourceEntry {

    private ResourceEntry() {
    }

    static Attribution of(JsonNode entry, JsonNode size) {
        String url = text(entry, "name") != null ? text(entry, "name") : text(entry, "url");
        String protocol = text(entry, "nextHopProtocol") != null ? text(entry, "nextHopProtocol") : text(entry, "protocol");
        Double bytes = size != null && size.isNumber() ? size.asDouble() : null;
        Attribution kept = Attribution.kept(null, null, null, null, null, url, text(entry, "initiatorType"), protocol, bytes, null);
        return kept.isEmpty() ? null : kept;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
