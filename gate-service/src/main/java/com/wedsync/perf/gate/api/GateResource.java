package com.wedsync.perf.gate.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.wedsync.perf.gate.github.GitHubStatuses;
import com.wedsync.perf.gate.project.AuditLog;
import com.wedsync.perf.gate.project.ProjectCaller;
import com.wedsync.perf.gate.project.Projects;
import com.wedsync.perf.gate.regression.MetricComparison;
import com.wedsync.perf.gate.validation.GateService;
import com.wedsync.perf.gate.validation.MarkdownReport;
import com.wedsync.perf.gate.validation.ValidateRequest;
import com.wedsync.perf.gate.validation.Validation;
import com.wedsync.perf.gate.validation.ValidationStore;
import com.wedsync.perf.gate.validation.RequestReader;
import com.wedsync.perf.gate.validation.ValidationJobs;
import com.wedsync.perf.gate.validation.ValidationQueue;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.service.limit.RateLimiter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.ws.rs.Consumes;
import com.wedsync.perf.service.auth.Access;
import com.wedsync.perf.service.auth.CurrentCaller;
import com.wedsync.perf.service.auth.Grant;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The CI gate: validate a build (JSON or file upload; in the background when large), its status, history, regressions and PR report; pin baselines. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class GateResource {

    private final GateService gate;
    private final ValidationStore validations;
    private final Projects projects;
    private final CurrentCaller current;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final GitHubStatuses github;
    private final RateLimiter limiter;
    private final int perMinute;
    private final RequestReader reader;
    private final ValidationQueue queue;
    private final ValidationJobs jobs;
    private final long asyncAboveBytes;

    public GateResource(GateService gate, ValidationStore validations, Projects projects, CurrentCaller current, AuditLog audit, ObjectMapper json,
                        GitHubStatuses github, RateLimiter limiter, RequestReader reader, ValidationQueue queue,
                        ValidationJobs jobs,
                        @ConfigProperty(name = "gate.rate-limit.per-minute", defaultValue = "120") int perMinute,
                        @ConfigProperty(name = "gate.async.above", defaultValue = "8M") MemorySize asyncAbove) {
        this.reader = reader;
        this.queue = queue;
        this.jobs = jobs;
        this.asyncAboveBytes = asyncAbove.asLongValue();
        this.github = github;
        this.limiter = limiter;
        this.perMinute = perMinute;
        this.gate = gate;
        this.validations = validations;
        this.projects = projects;
        this.current = current;
        this.audit = audit;
        this.json = json;
    }

    @POST
    @Path("/gates/validate")
    @Access({Grant.OPS, Grant.PROJECT_CI})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decide a build from its Lighthouse results, bundle sizes and load test (CI token). Large bodies, "
            + "or 'Prefer: respond-async', answer 202 with the build queued: poll GET /v1/gates/{buildId}")
    public Response validate(byte[] body,
                             @HeaderParam("Prefer") String prefer) {
        return accept(body, prefer);
    }

    @POST
    @Path("/gates/validate")
    @Access({Grant.OPS, Grant.PROJECT_CI})
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "The same with files: lighthouse (several), bundles, loadTest, budget; the build's fields as form fields")
    public Response validateUpload(@BeanParam ValidateUpload upload,
                                   @HeaderParam("Prefer") String prefer) {
        return accept(upload.assemble(json), prefer);
    }

    private Response accept(byte[] body, String prefer) {
        ValidateRequest request = reader.read(body);
        ProjectCaller caller = projects.admit(current.get(), request == null ? null : request.project());
        limiter.acquire("gate:" + (caller.isOps() ? "ops" : caller.project()), perMinute, "project '" + request.project() + "'");
        boolean asked = prefer != null && prefer.toLowerCase(java.util.Locale.ROOT).contains("respond-async");
        if (asked || body.length > asyncAboveBytes) {
            String environment = gate.checkIdentity(request);
            if (validations.byBuild(request.project(), request.buildId()).isPresent()) {
                throw ApiException.conflict("build_exists", "build '" + request.buildId() + "' of project '"
                        + request.project() + "' was validated already; GET /v1/gates/" + request.buildId());
            }
            Validation queued = queue.submit(request, environment, caller, body);
            Response.ResponseBuilder accepted = Response.accepted(queued).header("Retry-After", 1)
                    .location(URI.create("/v1/gates/" + encode(request.buildId()) + "?project=" + encode(request.project())));
            return (asked ? accepted.header("Preference-Applied", "respond-async") : accepted).build();
        }
        Validation decided = gate.validate(request, caller, body, UUID.randomUUID());
        github.report(decided);
        return Response.ok(decided).build();
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    @GET
    @Path("/gates/{buildId}")
    @Access({Grant.OPS, Grant.PROJECT_READ})
    @Operation(summary = "The decision on a build")
    public Validation status(@PathParam("buildId") String buildId, @QueryParam("project") String project) {
        return find(project, buildId);
    }

    @GET
    @Path("/gates/history")
    @Access({Grant.OPS, Grant.PROJECT_READ})
    @Operation(summary = "A project's decisions, newest first, optionally of one branch")
    public List<Validation> history(@QueryParam("project") String project, @QueryParam("branch") String branch,
                                    @QueryParam("limit") Integer limit) {
        ProjectCaller caller = projects.admit(current.get(), project);
        int max = limit == null ? 50 : Math.max(1, Math.min(limit, 500));
        return validations.history(caller.isOps() ? requireProject(project) : caller.project(), branch, max);
    }

    @GET
    @Path("/gates/{buildId}/regressions")
    @Access({Grant.OPS, Grant.PROJECT_READ})
    @Operation(summary = "The build's metrics against its baseline: worse by how much, and how significant")
    public Map<String, Object> regressions(@PathParam("buildId") String buildId, @QueryParam("project") String project) {
        Validation v = find(project, buildId);
        List<MetricComparison> regressed = v.comparison().stream()
                .filter(c -> c.outcome() != MetricComparison.Outcome.WITHIN_TOLERANCE).toList();
        return Map.of("buildId", v.buildId(), "baseline", v.baseline() == null ? Map.of() : v.baseline(),
                "regressions", regressed, "comparison", v.comparison());
    }

    @GET
    @Path("/gates/{buildId}/report.md")
    @Access({Grant.OPS, Grant.PROJECT_READ})
    @Produces("text/markdown;charset=UTF-8")
    @Operation(summary = "The decision as Markdown, for a pull-request comment")
    public String report(@PathParam("buildId") String buildId, @QueryParam("project") String project) {
        return MarkdownReport.of(find(project, buildId));
    }

    @POST
    @Transactional
    @Path("/baselines")
    @Access({Grant.OPS, Grant.PROJECT_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pin a build as the baseline of its branch and environment (admin)")
    public Validation.Baseline pin(PinRequest request) {
        if (request == null || request.buildId() == null) {
            throw ApiException.badRequest("missing_build", "'project' and 'buildId' are required");
        }
        ProjectCaller caller = projects.admit(current.get(), request.project());
        Validation v = find(request.project(), request.buildId());
        validations.pin(v.project(), v.branch(), v.environment(), v.validationId(), caller.name());
        audit.record(v.project(), caller, "pin_baseline", v.buildId(), null, v.branch() + "/" + v.environment());
        return new Validation.Baseline(v.validationId(), v.buildId(), v.gitSha(), v.branch(), "pinned by " + caller.name());
    }

    private Validation find(String project, String buildId) {
        ProjectCaller caller = projects.admit(current.get(), project);
        String which = caller.isOps() ? requireProject(project) : caller.project();
        return validations.byBuild(which, buildId).or(() -> jobs.pending(which, buildId))
                .orElseThrow(() -> ApiException.notFound("no build '" + buildId + "' in project '" + which + "'"));
    }

    private static String requireProject(String project) {
        if (project == null || project.isBlank()) {
            throw ApiException.badRequest("missing_project", "query parameter 'project' is required with the ops token");
        }
        return project;
    }
}
