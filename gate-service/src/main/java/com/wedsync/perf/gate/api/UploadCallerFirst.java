package com.wedsync.perf.gate.api;

import com.wedsync.perf.gate.project.Projects;
import com.wedsync.perf.gate.project.Role;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Uploads of CI results can be large ({@code GATE_MAX_BODY}, 50 MB): the caller's token is checked before a byte of
 * the body is read — request filters run before the body is — so an anonymous client cannot make the gate read,
 * buffer and parse 50 MB per request. Which project the token may validate is checked once the body names it.
 */
public class UploadCallerFirst {

    static final String VALIDATE_PATH = "/v1/gates/validate";

    private final Projects projects;

    public UploadCallerFirst(Projects projects) {
        this.projects = projects;
    }

    @ServerRequestFilter
    public void requireAKnownCaller(ContainerRequestContext request) {
        if ("POST".equals(request.getMethod()) && VALIDATE_PATH.equals(request.getUriInfo().getPath())) {
            projects.require(request.getHeaderString("Authorization"), null, Role.CI);
        }
    }
}
