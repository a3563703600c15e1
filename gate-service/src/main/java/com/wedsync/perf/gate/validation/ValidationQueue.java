package com.wedsync.perf.gate.validation;

import com.wedsync.perf.gate.github.GitHubStatuses;
import com.wedsync.perf.gate.project.ProjectCaller;
import com.wedsync.perf.service.api.ApiException;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Decides queued builds in the background: woken when a build is queued here, and every few seconds for builds queued
 * on other instances or left running by one that stopped. Invalid input rejects the build with its reason; any other
 * failure puts it back in the queue, up to {@value #MAX_ATTEMPTS} attempts.
 */
@ApplicationScoped
public class ValidationQueue {

    static final int MAX_ATTEMPTS = 3;
    private static final Logger LOG = Logger.getLogger(ValidationQueue.class);

    private final ValidationJobs jobs;
    private final GateService gate;
    private final RequestReader reader;
    private final GitHubStatuses github;
    private final Duration stuckAfter;
    private final ExecutorService workers;

    public ValidationQueue(ValidationJobs jobs, GateService gate, RequestReader reader, GitHubStatuses github,
                           @ConfigProperty(name = "gate.async.workers", defaultValue = "1") int workers,
                           @ConfigProperty(name = "gate.async.stuck-after", defaultValue = "5m") Duration stuckAfter) {
        this.jobs = jobs;
        this.gate = gate;
        this.reader = reader;
        this.github = github;
        this.stuckAfter = stuckAfter;
        this.workers = Executors.newFixedThreadPool(Math.max(1, workers), r -> {
            Thread t = new Thread(r, "gate-validation-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues the build and starts on it at once when a worker is free. */
    public Validation submit(ValidateRequest request, String environment, ProjectCaller caller, byte[] body) {
        Validation queued = jobs.enqueue(UUID.randomUUID(), request, environment, caller, body);
        github.report(queued);
        wake();
        return queued;
    }

    @Scheduled(every = "${gate.async.poll:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void wake() {
        try {
            workers.submit(this::drain);
        } catch (RejectedExecutionException e) {
            LOG.debug("validation workers stopped");
        }
    }

    private void drain() {
        Optional<ValidationJobs.Claimed> next;
        while ((next = takeNext()).isPresent()) {
            decide(next.get());
        }
    }

    private Optional<ValidationJobs.Claimed> takeNext() {
        try {
            return jobs.claim(stuckAfter);
        } catch (RuntimeException e) {
            LOG.warnf("cannot take a queued validation (will try again): %s", e.getMessage());
            return Optional.empty();
        }
    }

    private void decide(ValidationJobs.Claimed job) {
        long started = System.nanoTime();
        try {
            Validation decided = gate.validate(reader.read(job.body()), job.caller(), job.body(), job.id());
            jobs.done(job.id());
            github.report(decided);
            LOG.infof("queued build %s of %s decided in %d ms: %s", job.buildId(), job.project(),
                    (System.nanoTime() - started) / 1_000_000, decided.status());
        } catch (ApiException e) {
            jobs.reject(job.id(), e.code(), e.getMessage());
            github.report(jobs.pending(job.project(), job.buildId()).orElseThrow());
            LOG.infof("queued build %s of %s rejected: %s", job.buildId(), job.project(), e.getMessage());
        } catch (RuntimeException e) {
            if (job.attempts() >= MAX_ATTEMPTS) {
                jobs.reject(job.id(), "internal", "the decision failed " + job.attempts() + " times: " + e.getMessage());
            } else {
                jobs.retry(job.id());
            }
            LOG.warnf(e, "queued build %s of %s failed (attempt %d)", job.buildId(), job.project(), job.attempts());
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
