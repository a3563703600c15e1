package com.wedsync.perf.alerting.lifecycle;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code silences} table. */
@ApplicationScoped
public class SilenceStore implements PanacheRepositoryBase<SilenceRecord, UUID> {

    @Transactional
    public void insert(Silence silence) {
        persist(SilenceRecord.of(silence));
    }

    /** Silences still in force at {@code at}, of one tenant (null: all). */
    @Transactional
    public List<Silence> active(Instant at, String tenant) {
        Sort oldestFirst = Sort.by("createdAt");
        List<SilenceRecord> rows = tenant == null ? list("until > ?1", oldestFirst, at)
                : list("until > ?1 and tenant = ?2", oldestFirst, at, tenant);
        return rows.stream().map(SilenceRecord::toSilence).toList();
    }

    public Optional<Silence> matching(AlertRow alert, Instant at) {
        return active(at, null).stream().filter(s -> s.matches(alert, at)).findFirst();
    }
}
