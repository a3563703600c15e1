package com.wedsync.perf.alerting.intake;

import com.wedsync.perf.alerting.lifecycle.AlertRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Applies a record's work in a transaction of its own that also claims its offset ({@link OffsetLedger}): the alert
 * changes and the claim commit together, so a record read again after a crash or a rebalance changes nothing.
 */
@ApplicationScoped
public class ApplyOnce {

    private final OffsetLedger ledger;

    public ApplyOnce(OffsetLedger ledger) {
        this.ledger = ledger;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void apply(TopicPartition partition, long offset, Runnable work) {
        if (ledger.claim(partition, offset)) {
            work.run();
        }
    }

    /**
     * As {@link #apply(TopicPartition, long, Runnable)}, for a record whose work first asks for the open alert of
     * {@code fingerprint}: the claim and that alert's lock go to PostgreSQL together, and the work gets the answer.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void apply(TopicPartition partition, long offset, String fingerprint,
                      Consumer<Optional<AlertRow>> work) {
        OffsetLedger.Claim claim = ledger.claimAndLockOpen(partition, offset, fingerprint);
        if (claim.claimed()) {
            work.accept(claim.open());
        }
    }
}
