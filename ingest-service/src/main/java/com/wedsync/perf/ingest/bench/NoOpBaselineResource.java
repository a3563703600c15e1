package com.wedsync.perf.ingest.bench;

import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.ingest.api.IngestResult;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.Consumes;
import com.wedsync.perf.service.auth.Public;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The ceiling of HTTP on this machine, for the benchmark: takes the same body on the same event loop and answers
 * the same JSON as {@code POST /v1/rum}, doing nothing else. Off unless {@code INGEST_BENCH_NOOP=true}.
 */
@Path("/v1/bench/noop")
public class NoOpBaselineResource {

    private static final IngestResult NOTHING = new IngestResult(0, 0, List.of(), null);

    private final boolean enabled;

    public NoOpBaselineResource(@ConfigProperty(name = "ingest.bench.noop-enabled", defaultValue = "false") boolean enabled) {
        this.enabled = enabled;
    }

    @POST
    @Public("the benchmark's baseline, off unless INGEST_BENCH_NOOP=true")
    @NonBlocking
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response noop(byte[] body) {
        if (!enabled) {
            throw new ApiException(404, "not_found", "the benchmark baseline is off (INGEST_BENCH_NOOP=true turns it on)");
        }
        return Response.accepted(NOTHING).build();
    }
}
