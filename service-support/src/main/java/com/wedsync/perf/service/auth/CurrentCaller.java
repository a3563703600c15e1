package com.wedsync.perf.service.auth;

import com.wedsync.perf.service.api.ApiException;
import jakarta.enterprise.context.RequestScoped;

/** The caller of the request being served, set by {@link CallerFilter}; what endpoints inject to ask who calls. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;
    private String authorization;

    void set(Caller caller, String authorization) {
        this.caller = caller;
        this.authorization = authorization;
    }

    /** The Authorization header as presented, for a request this instance makes on the caller's behalf (a peer's share). */
    public String authorization() {
        get();
        return authorization;
    }

    public Caller get() {
        if (caller == null) {
            throw ApiException.unauthorized("this endpoint needs a bearer token");
        }
        return caller;
    }
}
