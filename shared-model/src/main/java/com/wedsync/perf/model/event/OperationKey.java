package com.wedsync.perf.model.event;

/** Key of {@code perf.server.v1}: a tenant's back-end operation. */
public record OperationKey(String tenant, String operation) {

    public OperationKey {
        Require.text(tenant, "tenant");
        Require.text(operation, "operation");
    }
}
