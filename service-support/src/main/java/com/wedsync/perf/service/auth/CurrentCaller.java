package com.wedsync.perf.service.auth;

import com.wedsync.perf.service.api.ApiException;
import jakarta.enterprise.context.RequestScoped;

/** The caller of the request being served, set by {@link CallerFilter}; what endpoints inject to ask who calls. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
    }

    public Caller get() {
        if (caller == null) {
            throw ApiException.unauthorized("this endpoint needs a bearer token");
        }
        return caller;
    }
}
