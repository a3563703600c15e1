package com.wedsync.perf.aggregation.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdSharesTest {

    @Test
    void shouldStopATenantAtItsShareWithoutTouchingAnotherAndFreeTheShareAsItsIdsAgeOut() {
        IdShares shares = new IdShares(3);

        assertThat(shares.admit("flood", 100)).isTrue();
        assertThat(shares.admit("flood", 100)).isTrue();
        assertThat(shares.admit("flood", 101)).isTrue();
        assertThat(shares.admit("flood", 101)).as("at its share").isFalse();
        assertThat(shares.admit("neighbour", 101)).isTrue();

        shares.forgetBefore(101);
        assertThat(shares.held("flood")).isEqualTo(1);
        assertThat(shares.admit("flood", 102)).isTrue();
        assertThat(shares.admit("flood", 102)).isTrue();
        assertThat(shares.admit("flood", 102)).isFalse();
        shares.forgetBefore(200);
        assertThat(shares.held("flood")).isZero();
        assertThat(shares.held("neighbour")).isZero();
    }
}
