package com.wedsync.perf.console;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Chart.js from its webjar (org.webjars.npm:chart.js), at the path the page loads it from. */
@Path("/vendor/chart.umd.js")
public class ChartJs {

    static final String RESOURCE = "META-INF/resources/webjars/chart.js/4.4.1/dist/chart.umd.js";

    private final byte[] script;

    public ChartJs() {
        try (InputStream in = ChartJs.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            script = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Produces("text/javascript; charset=utf-8")
    public Response get() {
        return Response.ok(script).header("Cache-Control", "max-age=86400").build();
    }
}
