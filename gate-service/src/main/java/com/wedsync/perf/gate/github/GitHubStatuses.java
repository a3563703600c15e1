package com.wedsync.perf.gate.github;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wedsync.perf.gate.validation.Validation;
import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.service.outbound.Destination;
import com.wedsync.perf.service.outbound.DestinationRefused;
import com.wedsync.perf.service.outbound.OutboundHttp;
import com.wedsync.perf.service.outbound.OutboundPolicy;
import com.wedsync.perf.service.secret.SecretBox;
import com.wedsync.perf.service.secret.SecretColumns;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sets the GitHub commit status of a decided build ({@code POST /repos/{owner}/{repo}/statuses/{sha}}) when the project
 * has a repository and token configured: success or failure, context {@value #CONTEXT}, a description of at most 140
 * characters and a link to the Markdown report. A GitHub outage never changes the decision; it is logged.
 */
@ApplicationScoped
public class GitHubStatuses {

    public static final String CONTEXT = "wedsync-perf/gate";
    public static final SecretColumns SECRET_COLUMNS = new SecretColumns("project_github", "project", List.of("token"));
    private static final Logger LOG = Logger.getLogger(GitHubStatuses.class);
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");

    private final GitHubSettings settings;
    private final ObjectMapper json;
    private final String publicUrl;
    private final OutboundPolicy policy;
    private final OutboundHttp http;
    private final SecretBox secrets;

    public GitHubStatuses(GitHubSettings settings, ObjectMapper json, OutboundPolicy policy, OutboundHttp http, SecretBox secrets,
                          @ConfigProperty(name = "gate.public-url", defaultValue = "http://127.0.0.1:8085") String publicUrl) {
        this.settings = settings;
        this.json = json;
        this.policy = policy;
        this.http = http;
        this.secrets = secrets;
        this.publicUrl = publicUrl;
    }

    public void configure(String project, String apiUrl, String repository, String token) {
        String api = apiUrl == null || apiUrl.isBlank() ? "https://api.github.com" : apiUrl.replaceAll("/+$", "");
        if (repository == null || !REPOSITORY.matcher(repository).matches() || token == null || token.isBlank()) {
            throw ApiException.badRequest("invalid_github", "'repository' (owner/repo) and 'token' are required");
        }
        policy.acceptConfigured(api, Destination.GITHUB_API, "apiUrl");
        settings.save(project, api, repository, secrets.seal(token, SECRET_COLUMNS.context("token", project)));
    }

    /** Reports the decision; says what happened ("not configured", "HTTP 201", "failed: …"). */
    public String report(Validation v) {
        Optional<ProjectGitHubRecord> stored = settings.of(v.project());
        if (stored.isEmpty()) {
            return "not configured";
        }
        String[] target = {stored.get().apiUrl, stored.get().repository,
                secrets.open(stored.get().token, SECRET_COLUMNS.context("token", v.project()))};
        try {
            String body = json.writeValueAsString(Map.of("state", state(v.status()),
                    "context", CONTEXT, "description", description(v),
                    "target_url", publicUrl + "/v1/gates/" + v.buildId() + "/report.md?project=" + v.project()));
            OutboundHttp.Answer answer = http.post(target[0] + "/repos/" + target[1] + "/statuses/" + v.gitSha(),
                    Destination.GITHUB_API, Map.of("Authorization", "Bearer " + target[2],
                            "Accept", "application/vnd.github+json", "X-GitHub-Api-Version", "2022-11-28"),
                    body.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10));
            if (answer.status() != 201) {
                LOG.warnf("GitHub status for %s %s: HTTP %d", v.project(), v.gitSha(), answer.status());
            }
            return "HTTP " + answer.status();
        } catch (DestinationRefused refused) {
            LOG.warnf("GitHub status for %s %s refused: %s", v.project(), v.gitSha(), refused.getMessage());
            return "refused: " + refused.getMessage();
        } catch (JsonProcessingException e) {
            return "failed: " + e.getOriginalMessage();
        } catch (java.io.IOException e) {
            LOG.warnf("GitHub status for %s %s failed: %s", v.project(), v.gitSha(), e.getClass().getSimpleName());
            return "failed: " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "failed: interrupted";
        }
    }

    /** GitHub's commit states: pending while queued or running; error when the input was refused. */
    static String state(Validation.Status status) {
        return switch (status) {
            case QUEUED, RUNNING -> "pending";
            case PASSED -> "success";
            case REJECTED -> "error";
            case FAILED, BLOCKED -> "failure";
        };
    }

    /** At most 140 characters, as GitHub requires: the status and the first reason. */
    static String description(Validation v) {
        String text = v.status() == Validation.Status.PASSED
                ? "Performance gate passed" + (v.warnings().isEmpty() ? "" : " with " + v.warnings().size() + " warning(s)")
                : v.blockingReasons().isEmpty() ? "Performance gate " + v.status().name().toLowerCase()
                : "Performance gate " + v.status().name().toLowerCase() + ": " + v.blockingReasons().get(0);
        return text.length() <= 140 ? text : text.substring(0, 139) + "…";
    }
}
