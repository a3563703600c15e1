package com.wedsync.perf.alerting.api;

/** Body of POST /v1/alerts/{id}/ack and /resolve: who does it, and a note (resolution notes when resolving). */
public record AlertCommand(String by, String note) {
}
