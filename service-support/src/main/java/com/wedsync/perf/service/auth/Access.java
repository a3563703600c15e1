package com.wedsync.perf.service.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Which credentials an endpoint admits, checked by {@link CallerFilter} before the endpoint runs (and before its
 * body is read). An endpoint with neither this nor {@link Public} is refused to everybody: access is denied by
 * default. Whether a tenant or project credential may touch the tenant or project the request names is the
 * endpoint's one call to {@link Caller#requireTenant} or {@link Caller#requireProject}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Access {
    Grant[] value();
}
