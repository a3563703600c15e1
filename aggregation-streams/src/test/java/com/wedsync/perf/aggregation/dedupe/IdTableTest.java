package com.wedsync.perf.aggregation.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class IdTableTest {

    private final IdTable table = new IdTable();

    @Test
    void shouldFindWhatItWasGivenAndNothingElse() {
        table.put(42L, 1_000, 2.5, 3);

        int slot = table.find(42L);
        assertThat(slot).isNotNegative();
        assertThat(table.minute(slot)).isEqualTo(1_000);
        assertThat(table.value(slot)).isEqualTo(2.5);
        assertThat(table.place(slot)).isEqualTo(3);
        assertThat(table.find(43L)).isEqualTo(-1);
        assertThat(table.size()).isEqualTo(1);
    }

    @Test
    void shouldReplaceAnIdsValueInsteadOfAddingIt() {
        table.put(7L, 10, 0.05, 0);
        table.put(7L, 10, 0.30, 1);

        assertThat(table.size()).isEqualTo(1);
        assertThat(table.value(table.find(7L))).isEqualTo(0.30);
        assertThat(table.place(table.find(7L))).isEqualTo(1);
    }

    @Test
    void shouldKeepEveryIdWhileGrowingPastItsFirstArrays() {
        Random random = new Random(1);
        long[] ids = random.longs(200_000).toArray();
        for (int i = 0; i < ids.length; i++) {
            table.put(ids[i], i % 1_000, i, i % 7);
        }

        assertThat(table.size()).isEqualTo(ids.length);
        for (int i = 0; i < ids.length; i++) {
            int slot = table.find(ids[i]);
            assertThat(slot).isNotNegative();
            assertThat(table.value(slot)).isEqualTo(i);
        }
    }

    @Test
    void shouldForgetOnlyIdsOfEarlierMinutesAndShrinkAfterAPeak() {
        for (long id = 1; id <= 100_000; id++) {
            table.put(id, id <= 99_000 ? 5 : 6, id, 0);
        }
        long peak = table.footprintBytes();

        assertThat(table.forgetBefore(6)).isEqualTo(99_000);

        assertThat(table.size()).isEqualTo(1_000);
        assertThat(table.find(1L)).isEqualTo(-1);
        assertThat(table.find(99_000L)).isEqualTo(-1);
        assertThat(table.value(table.find(99_001L))).isEqualTo(99_001);
        assertThat(table.footprintBytes()).isLessThan(peak / 10);
    }

    @Test
    void shouldFindIdsWhoseSlotsCollide() {
        long mask = (1 << 12) - 1;
        long a = 5;
        long b = 5 + (mask + 1);  // same low bits: same slot in the first arrays
        table.put(a, 1, 1, 0);
        table.put(b, 1, 2, 0);
        table.forgetBefore(0);

        assertThat(table.value(table.find(a))).isEqualTo(1);
        assertThat(table.value(table.find(b))).isEqualTo(2);
    }

    @Test
    void shouldRefuseTheMinuteItUsesForEmptySlots() {
        assertThatThrownBy(() -> table.put(1L, Integer.MIN_VALUE, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
