package com.wedsync.perf.gate.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wedsync.perf.model.event.DeploymentStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.cfg.AvailableSettings;

/** The {@code deployments} table; the verifier's methods run in its transaction. */
@ApplicationScoped
public class DeploymentStore implements PanacheRepositoryBase<DeploymentRecord, UUID> {

    private static final TypeReference<List<PostDeployCheck.Finding>> FINDINGS = new TypeReference<>() {
    };
    /** Hibernate's lock timeout for {@code SKIP LOCKED}. */
    private static final int SKIP_LOCKED = -2;

    private final ObjectMapper json;

    public DeploymentStore(ObjectMapper json) {
        this.json = json;
    }

    @Transactional
    public void insert(Deployment d) {
        DeploymentRecord row = new DeploymentRecord();
        row.id = d.id();
        row.project = d.project();
        row.environment = d.environment();
        row.version = d.version();
        row.gitSha = d.gitSha();
        row.buildId = d.buildId();
        row.tenants = String.join(",", d.tenants());
        row.at = d.at();
        row.status = d.status();
        persist(row);
    }

    @Transactional
    public void decide(UUID id, DeploymentStatus status, String reason, List<PostDeployCheck.Finding> evidence) {
        String written;
        try {
            written = json.writeValueAsString(evidence);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the evidence of deployment " + id, e);
        }
        update("status = ?1, reason = ?2, evidence = ?3, decidedAt = ?4 where id = ?5", status, reason, written,
                Instant.now(), id);
    }

    @Transactional
    public void webhookResult(UUID id, String result) {
        update("webhook = ?1 where id = ?2", result, id);
    }

    @Transactional
    public Optional<Deployment> byId(UUID id) {
        return findByIdOptional(id).map(this::deployment);
    }

    /** Deployments still watched whose after-window has ended by {@code windowEndedBy}, locked for this transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Deployment> due(Instant windowEndedBy) {
        return find("status = ?1 and at <= ?2", Sort.by("at"), DeploymentStatus.DEPLOYED, windowEndedBy)
                .withLock(LockModeType.PESSIMISTIC_WRITE).withHint(AvailableSettings.JAKARTA_LOCK_TIMEOUT, SKIP_LOCKED)
                .page(0, 20).list().stream().map(this::deployment).toList();
    }

    /** Rollback recommendations decided since {@code since} whose effect is not measured yet, oldest first. */
    @Transactional
    public List<Deployment> awaitingEffect(Instant since) {
        return find("status = ?1 and effect is null and decidedAt >= ?2", Sort.by("decidedAt"),
                DeploymentStatus.ROLLBACK_RECOMMENDED, since).page(0, 50).list().stream().map(this::deployment).toList();
    }

    /** The project's first deployment to the environment at or after {@code from} and before {@code to}. */
    @Transactional
    public Optional<Deployment> next(String project, String environment, Instant from, Instant to) {
        return find("project = ?1 and environment = ?2 and at >= ?3 and at < ?4", Sort.by("at"), project, environment,
                from, to).firstResultOptional().map(this::deployment);
    }

    @Transactional
    public void recordEffect(UUID id, RollbackEffect effect) {
        try {
            update("effect = ?1 where id = ?2 and effect is null", json.writeValueAsString(effect), id);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the effect of deployment " + id, e);
        }
    }

    private Deployment deployment(DeploymentRecord row) {
        try {
            return new Deployment(row.id, row.project, row.environment, row.version, row.gitSha, row.buildId,
                    Arrays.asList(row.tenants.split(",")), row.at, row.status, row.reason,
                    row.evidence == null ? List.of() : json.readValue(row.evidence, FINDINGS), row.webhook, row.decidedAt,
                    row.effect == null ? null : json.readValue(row.effect, RollbackEffect.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read deployment " + row.id + ": " + e.getOriginalMessage(), e);
        }
    }
}
