package com.wedsync.perf.localstack;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Under {@code -Pdocker} (which switches JUnit's extension auto-detection on), skips every test when no Docker engine
 * answers, with the reason, instead of failing them one by one; without the profile it is not loaded at all.
 */
public final class DockerRequirement implements ExecutionCondition {

    static final String NO_DOCKER = "-Pdocker: no Docker engine found, so the tests that run on Testcontainers' Kafka "
            + "and PostgreSQL are skipped (without -Pdocker they run on the embedded local stack)";
    private static final AtomicBoolean SAID = new AtomicBoolean();
    private static volatile Boolean available;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!StackSettings.containersRequested()) {
            return ConditionEvaluationResult.enabled("the embedded local stack");
        }
        if (available == null) {
            available = ContainerStack.dockerAvailable();
        }
        if (available) {
            return ConditionEvaluationResult.enabled("Docker found: Testcontainers' Kafka and PostgreSQL");
        }
        if (SAID.compareAndSet(false, true)) {
            System.err.println("[local-stack] " + NO_DOCKER);
        }
        return ConditionEvaluationResult.disabled(NO_DOCKER);
    }
}
