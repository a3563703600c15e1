package com.wedsync.perf.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    /** A broker's client, controller and SASL listeners once got the same port: its start then failed. */
    @Test
    void shouldNeverHandOutOnePortTwiceEvenWhenNothingHasBoundIt() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 3_000; i++) {
            ports.add(FreePorts.any("port " + i));
        }

        assertThat(ports).hasSize(3_000).allSatisfy(port -> assertThat(port).isBetween(1, 65_535));
    }
}
