package com.wedsync.perf.ingest.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The answer to an accepted beacon (202): how many items Kafka acknowledged, how many were refused and why.
 *
 * @param dropped why the whole beacon was dropped without error (a bot), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngestResult(int accepted, int rejected, List<Rejection> rejections, String dropped) {

    public static IngestResult droppedBecause(String reason) {
        return new IngestResult(0, 0, List.of(), reason);
    }
}
