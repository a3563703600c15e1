package com.wedsync.perf.gate.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Bundle sizes in the shapes CI tools already write: webpack's {@code stats.json} ({@code assets[].name/size}),
 * {@code size-limit --json} ({@code [{name, size, passed}]}) or a plain {@code [{name, size}]} list.
 */
public final class BundleParser {

    private BundleParser() {
    }

    public static List<BundleSize> parse(JsonNode bundles, String where) {
        JsonNode items = bundles != null && bundles.isObject() && bundles.has("assets") ? bundles.get("assets") : bundles;
        if (items == null || !items.isArray()) {
            throw new InvalidInput(where, "expected webpack stats ({\"assets\": [...]}), size-limit --json output or a "
                    + "[{\"name\", \"size\"}] list");
        }
        List<BundleSize> sizes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String at = where + "[" + i + "]";
            if (!item.path("name").isTextual() || item.path("name").asText().isBlank()) {
                throw new InvalidInput(at, "a bundle needs a 'name'");
            }
            JsonNode size = item.path("size");
            if (!size.isNumber() || size.asDouble() < 0 || !Double.isFinite(size.asDouble())) {
                throw new InvalidInput(at, "'" + item.path("name").asText() + "' needs a non-negative numeric 'size' in bytes");
            }
            sizes.add(new BundleSize(item.path("name").asText(), Math.round(size.asDouble())));
        }
        return sizes;
    }
}
