package com.wedsync.perf.alerting.api;

/** Body of POST /v1/alerts/{id}/ack and /resolve: a note (resolution notes when resolving); who did it is the token's name. */
public record AlertCommand(String note) {
}
