package com.wedsync.perf.ingest.timing;

import com.wedsync.perf.ingest.api.IngestResult;
import com.wedsync.perf.ingest.api.UntrustedJson;
import com.wedsync.perf.model.event.TenantConfig;
import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.service.auth.Access;
import com.wedsync.perf.service.auth.Grant;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/** {@code POST /v1/server-timings}: WedSync back ends report how long their wedding operations took. */
@Path("/v1/server-timings")
public class ServerTimingResource {

    private final ServerTimingIntake intake;

    public ServerTimingResource(ServerTimingIntake intake) {
        this.intake = intake;
    }

    @POST
    @Access(Grant.SERVER_KEY)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> report(byte[] body) {
        UntrustedJson.requireWithinLimit(body);
        TenantConfig tenant = intake.admitRequest();
        ServerTimingReader.Read read = ServerTimingReader.read(UntrustedJson.parse(body), tenant.tenantId(), Instant.now());
        if (read.timings().isEmpty()) {
            intake.rejected("no_valid_timings", 1);
            throw ApiException.badRequest("no_valid_timings", read.rejections().isEmpty() ? "the body holds no timing"
                    : read.rejections().get(0).at() + ": " + read.rejections().get(0).detail());
        }
        return intake.publish(tenant, read.timings()).thenApply(published -> {
            read.rejections().forEach(r -> intake.rejected(r.error(), 1));
            return Response.accepted(new IngestResult(read.timings().size(), read.rejections().size(),
                    read.rejections(), null)).build();
        });
    }
}
