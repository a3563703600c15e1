package com.wedsync.perf.gate.project;

import com.wedsync.perf.service.auth.Caller;
import com.wedsync.perf.service.auth.CredentialResolver;
import com.wedsync.perf.service.auth.Grant;
import com.wedsync.perf.service.auth.SecretHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** A project's tokens, by the hash of the presented one (revoked ones never match): the project and the role. */
@ApplicationScoped
public class ProjectTokens implements CredentialResolver {

    private final EntityManager entities;

    public ProjectTokens(EntityManager entities) {
        this.entities = entities;
    }

    @Override
    @Transactional
    public Optional<Caller> resolve(String token) {
        return Optional.ofNullable(entities.find(ProjectTokenRecord.class, SecretHash.of(token)))
                .filter(row -> row.revokedAt == null)
                .map(row -> new Caller(row.project + " " + row.role.name().toLowerCase() + " token", Caller.Kind.PROJECT,
                        row.project, grants(row.role)));
    }

    /** The gate's record of who acted, from the admitted caller's grants. */
    static Role role(Caller caller) {
        return caller.grants().contains(Grant.PROJECT_ADMIN) ? Role.ADMIN
                : caller.grants().contains(Grant.PROJECT_CI) ? Role.CI : Role.READ;
    }

    private static Set<Grant> grants(Role role) {
        return switch (role) {
            case READ -> EnumSet.of(Grant.PROJECT_READ);
            case CI -> EnumSet.of(Grant.PROJECT_READ, Grant.PROJECT_CI);
            case ADMIN -> EnumSet.of(Grant.PROJECT_READ, Grant.PROJECT_CI, Grant.PROJECT_ADMIN);
        };
    }
}
