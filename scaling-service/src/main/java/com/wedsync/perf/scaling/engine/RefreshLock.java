package com.wedsync.perf.scaling.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The forecast refresh's PostgreSQL advisory lock: held to the end of the caller's transaction, by one instance. */
@ApplicationScoped
public class RefreshLock {

    private static final long KEY = 0x5CA11_4E6L;

    private final EntityManager entities;

    public RefreshLock(EntityManager entities) {
        this.entities = entities;
    }

    /** Takes the lock for the current transaction; false when another instance holds it. */
    public boolean tryTake() {
        return Boolean.TRUE.equals(entities.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, KEY).getSingleResult());
    }
}
