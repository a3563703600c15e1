package com.wedsync.perf.ingest.rum;

import com.wedsync.perf.model.event.DeviceClass;
import java.util.Locale;
import java.util.Optional;

/** The device class of a page view: the page's own hint when it sends one, else read from the User-Agent. */
final class DeviceClassifier {

    private DeviceClassifier() {
    }

    static Optional<DeviceClass> fromHint(String hint) {
        if (hint == null) {
            return Optional.empty();
        }
        return switch (hint.strip().toLowerCase(Locale.ROOT)) {
            case "mobile", "phone" -> Optional.of(DeviceClass.MOBILE);
            case "tablet" -> Optional.of(DeviceClass.TABLET);
            case "desktop" -> Optional.of(DeviceClass.DESKTOP);
            default -> Optional.empty();
        };
    }

    static DeviceClass fromUserAgent(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return DeviceClass.UNKNOWN;
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        if (ua.contains("ipad") || ua.contains("tablet") || (ua.contains("android") && !ua.contains("mobile"))) {
            return DeviceClass.TABLET;
        }
        if (ua.contains("mobi") || ua.contains("iphone") || ua.contains("ipod") || ua.contains("android")) {
            return DeviceClass.MOBILE;
        }
        if (ua.contains("windows") || ua.contains("macintosh") || ua.contains("x11") || ua.contains("cros")
                || ua.contains("linux")) {
            return DeviceClass.DESKTOP;
        }
        return DeviceClass.UNKNOWN;
    }
}
