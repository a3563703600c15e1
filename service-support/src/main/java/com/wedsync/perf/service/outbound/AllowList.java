package com.wedsync.perf.service.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The destinations ops allow beyond the public internet ({@code PERF_WEBHOOK_ALLOW}): comma-separated entries, each
 * a host as written in the URL ({@code hooks.internal}, {@code 127.0.0.1}), a host and port ({@code 127.0.0.1:8089}),
 * or a network in CIDR notation ({@code 10.20.0.0/16}) that every address the host resolves to must be in. A host
 * entry matches the name as written, never what another name resolves to: allowing {@code 127.0.0.1:8089} does not
 * allow {@code localhost:8089}.
 */
final class AllowList {

    private final List<String> hosts = new ArrayList<>();
    private final List<Network> networks = new ArrayList<>();

    AllowList(String entries) {
        for (String raw : entries == null ? new String[0] : entries.split(",")) {
            String entry = raw.strip().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.contains("/")) {
                networks.add(Network.parse(entry));
            } else {
                hosts.add(entry);
            }
        }
    }

    boolean allowsHost(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return hosts.contains(host) || hosts.contains(host + ":" + port(uri));
    }

    boolean allowsAll(InetAddress[] addresses) {
        if (networks.isEmpty()) {
            return false;
        }
        for (InetAddress address : addresses) {
            if (networks.stream().noneMatch(network -> network.contains(address))) {
                return false;
            }
        }
        return true;
    }

    static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private record Network(byte[] base, int prefix) {

        static Network parse(String cidr) {
            String[] parts = cidr.split("/", 2);
            try {
                byte[] base = InetAddress.getByName(parts[0]).getAddress();
                int prefix = Integer.parseInt(parts[1]);
                if (prefix < 0 || prefix > base.length * 8) {
                    throw new IllegalArgumentException("PERF_WEBHOOK_ALLOW: prefix out of range in " + cidr);
                }
                return new Network(base, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("PERF_WEBHOOK_ALLOW: not a network in CIDR notation: " + cidr, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != base.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((bytes[bit / 8] & mask) != (base[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
