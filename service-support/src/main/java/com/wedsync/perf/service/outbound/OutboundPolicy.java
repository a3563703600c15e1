package com.wedsync.perf.service.outbound;

import com.wedsync.perf.service.api.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where our servers may call when a tenant or project configured the URL (docs/security.md): https only, on
 * the public internet — never loopback, private, link-local, unique-local, multicast or other special addresses —
 * and Slack webhooks only on Slack's host, unless ops allow the host or network ({@code PERF_WEBHOOK_ALLOW}, for
 * on-premises receivers and the local demo sink; an allowed destination may also use http).
 * <p>
 * Checked when the URL is configured (a clear 400) and again on the resolved addresses just before every call, so a
 * name that resolved to a public address when it was saved and resolves to an internal one later (DNS rebinding) is
 * refused. The JVM keeps a successful lookup for 30 s, so the HTTP client's own lookup right after the check gets the
 * addresses that were checked.
 */
@ApplicationScoped
public class OutboundPolicy {

    static final String SLACK_HOST = "hooks.slack.com";

    private final AllowList allowed;

    public OutboundPolicy(@ConfigProperty(name = "perf.webhook.allow") Optional<String> allowed) {
        this.allowed = new AllowList(allowed.orElse(""));
    }

    /** The URL a tenant or project wants to configure, or a 400 saying why not (without echoing it). */
    public URI acceptConfigured(String url, Destination destination, String field) {
        try {
            URI uri = parse(url);
            checkShape(uri, destination);
            checkAddresses(uri, resolveIfPossible(uri.getHost()));
            return uri;
        } catch (DestinationRefused refused) {
            throw ApiException.badRequest("invalid_url", field + ": " + refused.getMessage());
        }
    }

    /** Just before a call: the URL as stored, on the addresses its host resolves to now. */
    public URI checkBeforeCall(String url, Destination destination) throws DestinationRefused {
        URI uri = parse(url);
        checkShape(uri, destination);
        try {
            checkAddresses(uri, InetAddress.getAllByName(uri.getHost()));
        } catch (UnknownHostException e) {
            throw new DestinationRefused("the host does not resolve");
        }
        return uri;
    }

    private static URI parse(String url) throws DestinationRefused {
        try {
            URI uri = URI.create(url == null ? "" : url.strip());
            if (uri.getHost() == null || uri.getRawUserInfo() != null) {
                throw new DestinationRefused("must be an absolute http(s) URL with a host and no user info");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new DestinationRefused("not a valid URL");
        }
    }

    private void checkShape(URI uri, Destination destination) throws DestinationRefused {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean allowedHost = allowed.allowsHost(uri);
        if (!scheme.equals("https") && !(scheme.equals("http") && allowedHost)) {
            throw new DestinationRefused("must use https");
        }
        if (destination == Destination.SLACK && !allowedHost && !uri.getHost().equalsIgnoreCase(SLACK_HOST)) {
            throw new DestinationRefused("a Slack incoming webhook must be on https://" + SLACK_HOST);
        }
    }

    private void checkAddresses(URI uri, InetAddress[] addresses) throws DestinationRefused {
        if (allowed.allowsHost(uri) || allowed.allowsAll(addresses)) {
            return;
        }
        for (InetAddress address : addresses) {
            Optional<String> why = AddressClass.whyNotPublic(address);
            if (why.isPresent()) {
                throw new DestinationRefused("resolves to a " + why.get() + " address, which is not allowed"
                        + " (ops can allow it with PERF_WEBHOOK_ALLOW)");
            }
        }
    }

    /** At configuration time a name that does not resolve (yet) is not refused: the check before each call decides. */
    private static InetAddress[] resolveIfPossible(String host) {
        try {
            return InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return new InetAddress[0];
        }
    }
}
