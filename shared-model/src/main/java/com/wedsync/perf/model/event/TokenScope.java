package com.wedsync.perf.model.event;

/**
 * What a tenant's bearer token may do: {@code READ} the tenant's views; also {@code WRITE} its rules, notification
 * targets, silences and alert acknowledgements; also {@code ADMIN} its tokens and its audit log. Each scope includes
 * the ones before it.
 */
public enum TokenScope {
    READ, WRITE, ADMIN;

    public boolean includes(TokenScope needed) {
        return compareTo(needed) >= 0;
    }

    /** The secret's readable prefix, so a leaked token says at a glance what it opens. */
    public String secretPrefix() {
        return switch (this) {
            case READ -> "rt_";
            case WRITE -> "wt_";
            case ADMIN -> "at_";
        };
    }
}
