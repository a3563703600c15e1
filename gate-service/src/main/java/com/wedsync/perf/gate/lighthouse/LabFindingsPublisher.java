package com.wedsync.perf.gate.lighthouse;

import com.wedsync.perf.gate.project.ProjectTenants;
import com.wedsync.perf.model.event.LabFinding;
import com.wedsync.perf.model.event.LabFindings;
import com.wedsync.perf.model.route.RouteNormalizer;
import com.wedsync.perf.model.topic.Topics;
import com.wedsync.perf.service.outbox.EventOutbox;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands a base-branch build's Lighthouse findings to page advice: per route tested, the findings of its representative
 * run (the median performance score when CI ran the route several times, as {@code lhci} does) on
 * {@code perf.lighthouse.v1}, once for each tenant ops bound to the project — so a route's advice weighs the lab's
 * savings by that tenant's real traffic, and a project bound to no tenant tells no tenant anything. Appended to the
 * outbox in the validation's transaction.
 */
@ApplicationScoped
public class LabFindingsPublisher {

    private final ProjectTenants boundTenants;
    private final EventOutbox events;

    public LabFindingsPublisher(ProjectTenants boundTenants, EventOutbox events) {
        this.boundTenants = boundTenants;
        this.events = events;
    }

    /** @param lhrs the Lighthouse results as sent, in the order of {@code runs} (parsed from them) */
    public int publish(String project, String buildId, String gitSha, List<JsonNode> lhrs, List<LighthouseRun> runs) {
        List<String> tenants = boundTenants.of(project);
        if (tenants.isEmpty()) {
            return 0;
        }
        int published = 0;
        for (Map.Entry<String, List<Integer>> route : runsByRoute(runs).entrySet()) {
            int representative = medianScoreRun(route.getValue(), runs);
            JsonNode lhr = lhrs.get(representative);
            List<LabFinding> findings = runs.get(representative).findings();
            Instant measuredAt = fetchTime(lhr);
            for (String tenant : tenants) {
                events.append(Topics.LIGHTHOUSE, LabFindings.key(tenant, route.getKey()), new LabFindings(tenant,
                        route.getKey(), project, buildId, gitSha, runs.get(representative).lighthouseVersion(), measuredAt,
                        findings));
                published++;
            }
        }
        return published;
    }

    private static Map<String, List<Integer>> runsByRoute(List<LighthouseRun> runs) {
        Map<String, List<Integer>> byRoute = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            byRoute.computeIfAbsent(RouteNormalizer.normalize(runs.get(i).url()), route -> new ArrayList<>()).add(i);
        }
        // Real users' advice is weighed per route, not per device: a route's mobile runs speak for it when it has any.
        byRoute.replaceAll((route, indexes) -> {
            List<Integer> mobile = indexes.stream().filter(i -> LighthouseRun.MOBILE.equals(runs.get(i).formFactor())).toList();
            return mobile.isEmpty() ? indexes : mobile;
        });
        return byRoute;
    }

    private static int medianScoreRun(List<Integer> indexes, List<LighthouseRun> runs) {
        LighthouseRun representative = LighthouseRun.representative(indexes.stream().map(runs::get).toList());
        return indexes.stream().filter(i -> runs.get(i) == representative).findFirst().orElseThrow();
    }

    /** When Lighthouse ran, as it says; now when it does not say, or says a time still to come. */
    private static Instant fetchTime(JsonNode lhr) {
        Instant now = Instant.now();
        try {
            Instant fetched = lhr.path("fetchTime").isTextual() ? Instant.parse(lhr.path("fetchTime").asText()) : now;
            return fetched.isAfter(now) ? now : fetched;
        } catch (DateTimeParseException notATime) {
            return now;
        }
    }
}
