package com.wedsync.perf.alerting.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * Applies records' changes in a transaction that also claims their offsets ({@link OffsetLedger}): the alert changes
 * and the claims commit together, so a record read again after a crash or a rebalance changes nothing. A poll's
 * records share one transaction ({@link #applyAll}); a record that fails is applied alone ({@link #apply}).
 */
@ApplicationScoped
public class ApplyOnce {

    private final OffsetLedger ledger;

    public ApplyOnce(OffsetLedger ledger) {
        this.ledger = ledger;
    }

    /** The changes in order, in one transaction: all of them or none. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void applyAll(List<Change> changes) {
        changes.forEach(this::claimAndApply);
    }

    /** One change in a transaction of its own. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void apply(Change change) {
        claimAndApply(change);
    }

    private void claimAndApply(Change change) {
        if (change.lockFingerprint() == null) {
            if (ledger.claim(change.partition(), change.offset())) {
                change.work().accept(Optional.empty());
            }
            return;
        }
        OffsetLedger.Claim claim = ledger.claimAndLockOpen(change.partition(), change.offset(), change.lockFingerprint());
        if (claim.claimed()) {
            change.work().accept(claim.open());
        }
    }
}
