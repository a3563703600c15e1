package com.wedsync.perf.gate.validation;

import com.wedsync.perf.gate.budget.Budget;
import com.wedsync.perf.gate.budget.BudgetCheck;
import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.service.outbox.EventOutbox;
import com.wedsync.perf.model.event.GateDecision;
import com.wedsync.perf.model.event.GateStatus;
import com.wedsync.perf.model.topic.Topics;
import jakarta.transaction.Transactional;
import com.wedsync.perf.gate.budget.BudgetStore;
import com.wedsync.perf.gate.budget.Violation;
import com.wedsync.perf.gate.input.BundleParser;
import com.wedsync.perf.gate.input.BundleSize;
import com.wedsync.perf.gate.input.K6SummaryParser;
import com.wedsync.perf.gate.input.LoadTestSummary;
import com.wedsync.perf.gate.lighthouse.LabFindingsPublisher;
import com.wedsync.perf.gate.lighthouse.LighthouseParser;
import com.wedsync.perf.gate.lighthouse.LighthouseRun;
import com.wedsync.perf.gate.project.AuditLog;
import com.wedsync.perf.gate.project.ProjectCaller;
import com.wedsync.perf.gate.project.Role;
import com.wedsync.perf.gate.regression.GrownOpportunity;
import com.wedsync.perf.gate.regression.MetricComparison;
import com.wedsync.perf.gate.regression.OpportunityGrowth;
import com.wedsync.perf.gate.regression.RegressionCheck;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Decides a build: reads what CI sent, checks the budget, compares with the baseline, then stores the decision, its
 * audit entry and its {@code perf.gate.v1} event in one transaction. One build id is decided once.
 */
@ApplicationScoped
public class GateService {

    private static final Logger LOG = Logger.getLogger(GateService.class);

    private final BudgetStore budgets;
    private final ValidationStore validations;
    private final AuditLog audit;
    private final EventOutbox events;
    private final LabFindingsPublisher labFindings;

    public GateService(BudgetStore budgets, ValidationStore validations, AuditLog audit, EventOutbox events,
                       LabFindingsPublisher labFindings) {
        this.budgets = budgets;
        this.events = events;
        this.validations = validations;
        this.audit = audit;
        this.labFindings = labFindings;
    }

    /** Checks the identity of a request without deciding it (what a queued build must have); answers its environment. */
    public String checkIdentity(ValidateRequest request) {
        return ValidRequest.check(request).environment();
    }

    /** Decides a build; {@code id} becomes the validation's id (a queued build keeps the id it was given when queued). */
    @Transactional
    public Validation validate(ValidateRequest request, ProjectCaller caller, byte[] body, UUID id) {
        ValidRequest valid = ValidRequest.check(request);
        List<LighthouseRun> runs = new ArrayList<>();
        for (int i = 0; i < request.lighthouse().size(); i++) {
            runs.add(LighthouseParser.parse(request.lighthouse().get(i), "lighthouse[" + i + "]"));
        }
        List<BundleSize> bundles = absent(request.bundles()) ? List.of() : BundleParser.parse(request.bundles(), "bundles");
        LoadTestSummary loadTest = absent(request.loadTest()) ? null : K6SummaryParser.parse(request.loadTest(), "loadTest");

        BudgetStore.Versioned budget = budgetFor(request, valid.environment(), caller);
        Optional<Budget> unsaved = unsavedBudgetFile(request, budget, caller);
        List<Violation> violations = new ArrayList<>(BudgetCheck.check(budget.budget(), runs, bundles, loadTest));
        unsaved.ifPresent(file -> BudgetCheck.check(file, runs, bundles, loadTest).stream()
                .filter(v -> violations.stream().noneMatch(held -> held.message().equals(v.message())))
                .forEach(violations::add));
        double tolerance = Math.min(budget.budget().regressionTolerance(),
                unsaved.map(Budget::regressionTolerance).orElse(Double.MAX_VALUE));
        Optional<ValidationStore.Candidate> baseline = validations.baseline(request.project(), valid.environment(),
                valid.baseBranch(), request.ancestorSha()).filter(c -> !c.validation().buildId().equals(request.buildId()));
        List<MetricComparison> comparison = baseline
                .map(b -> RegressionCheck.compare(runs, b.runs(), tolerance)).orElse(List.of());
        List<GrownOpportunity> grown = baseline.map(b -> OpportunityGrowth.between(runs, b.runs())).orElse(List.of());

        List<String> reasons = new ArrayList<>(violations.stream().map(Violation::message).toList());
        List<String> warnings = new ArrayList<>();
        unsaved.ifPresent(file -> warnings.add("budget file at " + request.gitSha() + " not saved: only a project admin "
                + "token replaces the stored budget (PUT /v1/projects/{id}/budgets/{environment}); this build was held "
                + "to both"));
        comparison.forEach(c -> {
            if (c.outcome() == MetricComparison.Outcome.REGRESSED) {
                reasons.add(c.message());
            } else if (c.outcome() == MetricComparison.Outcome.NOT_SIGNIFICANT) {
                warnings.add(c.message());
            }
        });
        if (baseline.isEmpty()) {
            warnings.add("no baseline yet for " + valid.baseBranch() + " in " + valid.environment() + ": budgets only");
        }
        Validation.Status status = reasons.isEmpty() ? Validation.Status.PASSED
                : "production".equals(valid.environment()) ? Validation.Status.BLOCKED : Validation.Status.FAILED;
        Validation validation = new Validation(id, request.project(), request.buildId(), valid.environment(),
                request.gitSha(), request.branch(), status, budget.version(), GateMetrics.of(runs, bundles, loadTest,
                budget.budget()), reasons, warnings, violations, baseline.map(ValidationStore.Candidate::reference).orElse(null),
                comparison, grown, Instant.now());
        validations.insert(validation, request, runs);
        audit.record(request.project(), caller, "validate", request.buildId(), body, status.name());
        events.append(Topics.GATE, request.project(), new GateDecision(validation.validationId().toString(),
                request.project(), request.buildId(), valid.environment(), request.gitSha(), request.branch(),
                GateStatus.valueOf(status.name()), reasons, baseline.map(b -> b.validation().buildId()).orElse(null),
                validation.createdAt()));
        if (request.branch().equals(valid.baseBranch())) {
            // What the base branch's pages could gain is advice for the tenants' real users; a pull request's is not.
            labFindings.publish(request.project(), request.buildId(), request.gitSha(), request.lighthouse(), runs);
        }
        LOG.infof("gate %s %s build %s (%s): %s, %d reasons, %d warnings", request.project(), valid.environment(),
                request.buildId(), request.gitSha(), status, reasons.size(), warnings.size());
        return validation;
    }

    /**
     * The stored budget, or — when an admin (or ops) sends the repository's budget file and it differs — the file,
     * saved as the environment's next version. A CI token cannot replace the budget it is judged by.
     */
    private BudgetStore.Versioned budgetFor(ValidateRequest request, String environment, ProjectCaller caller) {
        BudgetStore.Versioned current = budgets.current(request.project(), environment);
        if (request.budget() == null || request.budget().equals(current.budget()) || caller.role() != Role.ADMIN) {
            return current;
        }
        return budgets.save(request.project(), environment, checked(request.budget()), "budget file at " + request.gitSha());
    }

    /** A CI token's budget file that differs from the stored budget: not saved, but the build is held to it as well. */
    private static Optional<Budget> unsavedBudgetFile(ValidateRequest request, BudgetStore.Versioned stored, ProjectCaller caller) {
        if (request.budget() == null || caller.role() == Role.ADMIN || request.budget().equals(stored.budget())) {
            return Optional.empty();
        }
        return Optional.of(checked(request.budget()));
    }

    private static Budget checked(Budget file) {
        file.problem().ifPresent(problem -> {
            throw ApiException.badRequest("invalid_budget", "budget: " + problem);
        });
        return file;
    }

    /** Left out, or sent as JSON null (which Jackson gives a JsonNode field as a NullNode, not as null). */
    private static boolean absent(com.fasterxml.jackson.databind.JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }
}
