package com.wedsync.perf.model.event;

import java.util.List;
import java.util.regex.Pattern;

/** The wedding operations WedSync back ends time; tenants may also report operations of their own naming. */
public final class ServerOperations {

    public static final String API_REQUEST = "api_request";
    public static final String GUEST_LIST_ACCESS = "guest_list_access";
    public static final String PHOTO_UPLOAD = "photo_upload";
    public static final String TIMELINE_SYNC = "timeline_sync";
    public static final String VENDOR_NOTIFICATION = "vendor_notification";

    /** Where a tenant's timings of operations beyond its daily number of distinct operations are counted. */
    public static final String OVERFLOW = "other";

    public static final List<String> KNOWN = List.of(
            API_REQUEST, GUEST_LIST_ACCESS, PHOTO_UPLOAD, TIMELINE_SYNC, VENDOR_NOTIFICATION);

    /** Lower-case words joined by {@code _ . -}: readable in dashboards, safe in keys and metric labels. */
    private static final Pattern VALID_NAME = Pattern.compile("[a-z][a-z0-9_.\\-]{0,63}");

    private ServerOperations() {
    }

    public static boolean isValidName(String operation) {
        return operation != null && VALID_NAME.matcher(operation).matches();
    }
}
