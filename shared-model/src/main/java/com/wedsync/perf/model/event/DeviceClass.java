package com.wedsync.perf.model.event;

/** The device class a page view came from; Web Vitals are judged per device class. */
public enum DeviceClass {
    MOBILE,
    TABLET,
    DESKTOP,
    UNKNOWN
}
