package com.wedsync.perf.gate.project;

import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.service.auth.SecretHash;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Projects and their tokens: stored as hashes, shown once when issued, rotated by issuing new ones and revoking old. */
@ApplicationScoped
public class Projects implements PanacheRepositoryBase<ProjectRecord, String> {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    /** Creates a project with one token per role; the tokens are in the answer and nowhere else. */
    @Transactional
    public Map<Role, String> create(String id, String name) {
        if (id == null || !ID.matcher(id).matches()) {
            throw ApiException.badRequest("invalid_project", "project id must be lower-case letters, digits, '.', '_' or '-' (max 64)");
        }
        int created = getEntityManager().createNativeQuery("INSERT INTO projects (id, name, created_at) VALUES (?1, ?2, ?3) "
                        + "ON CONFLICT (id) DO NOTHING")
                .setParameter(1, id).setParameter(2, name == null || name.isBlank() ? id : name)
                .setParameter(3, Instant.now()).executeUpdate();
        if (created == 0) {
            throw ApiException.conflict("project_exists", "project '" + id + "' exists; rotate its tokens instead");
        }
        Map<Role, String> tokens = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            tokens.put(role, issue(id, role));
        }
        return tokens;
    }

    /** A new token for the role; the role's older tokens keep working until revoked. */
    @Transactional
    public String issue(String project, Role role) {
        String token = SecretHash.newSecret("gt_" + role.name().toLowerCase() + "_");
        ProjectTokenRecord row = new ProjectTokenRecord();
        row.tokenHash = SecretHash.of(token);
        row.project = project;
        row.role = role;
        row.createdAt = Instant.now();
        getEntityManager().persist(row);
        return token;
    }

    /** Revokes every token of the role issued before {@code before} (the rotation's second half). */
    @Transactional
    public int revokeOlder(String project, Role role, Instant before) {
        return getEntityManager().createQuery("update ProjectTokenRecord set revokedAt = :now where project = :project "
                        + "and role = :role and createdAt < :before and revokedAt is null")
                .setParameter("now", Instant.now()).setParameter("project", project).setParameter("role", role)
                .setParameter("before", before).executeUpdate();
    }

    @Transactional
    public boolean exists(String project) {
        return findByIdOptional(project).isPresent();
    }

    /**
     * The caller the request filter admitted, admitted to {@code project} (a project token: its own project, also when
     * {@code project} is left out; ops: any project that exists), as the gate records who acted.
     */
    public ProjectCaller admit(com.wedsync.perf.service.auth.Caller caller, String project) {
        if (caller.isOps()) {
            if (project != null && !exists(project)) {
                throw ApiException.notFound("no project '" + project + "'");
            }
            return ProjectCaller.ops();
        }
        if (project != null) {
            caller.requireProject(project);
        }
        return new ProjectCaller(caller.owner(), ProjectTokens.role(caller), caller.name());
    }
}
