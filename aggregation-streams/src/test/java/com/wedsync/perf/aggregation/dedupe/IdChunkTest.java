package com.wedsync.perf.aggregation.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdChunkTest {

    @Test
    void shouldCarryItsIdsAndPlacesToAnotherTask() {
        Places writer = new Places();
        int guests = writer.numberOf("/weddings/:id/guests", "MOBILE");
        int unused = writer.numberOf("/never", "DESKTOP");
        int gallery = writer.numberOf("/gallery", "DESKTOP");
        IdChunk chunk = new IdChunk(2);
        chunk.add(-1L, 29_000_000, 0.0, guests);
        chunk.add(Long.MAX_VALUE, 29_000_003, 4_321.5, gallery);
        chunk.add(17L, 28_999_990, 0.25, guests);

        Places reader = new Places();
        reader.numberOf("/already-known", "TABLET");
        List<String> read = new ArrayList<>();
        int newest = IdChunk.decode(chunk.encode(writer), reader, (id, minute, value, place) ->
                read.add(id + " " + minute + " " + value + " " + reader.route(place) + " " + reader.device(place)));

        assertThat(newest).isEqualTo(29_000_003);
        assertThat(read).containsExactly(
                "-1 29000000 0.0 /weddings/:id/guests MOBILE",
                Long.MAX_VALUE + " 29000003 4321.5 /gallery DESKTOP",
                "17 28999990 0.25 /weddings/:id/guests MOBILE");
        assertThat(reader.size()).as("only the places the chunk uses travel").isEqualTo(3);
        assertThat(unused).isEqualTo(1);
    }

    @Test
    void shouldStartAfreshWhenCleared() {
        IdChunk chunk = new IdChunk(4);
        Places places = new Places();
        chunk.add(1L, 10, 1, places.numberOf("/a", "MOBILE"));
        chunk.clear();
        chunk.add(2L, 5, 2, places.numberOf("/b", "MOBILE"));

        List<Long> ids = new ArrayList<>();
        int newest = IdChunk.decode(chunk.encode(places), new Places(), (id, minute, value, place) -> ids.add(id));

        assertThat(ids).containsExactly(2L);
        assertThat(newest).isEqualTo(5);
    }
}
