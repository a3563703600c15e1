package com.wedsync.perf.alerting.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
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
}
