package com.wedsync.perf.service.intake;

import java.sql.SQLException;
import java.sql.SQLTransientException;

/**
 * Tells failures that will pass (the database is away, restarting, out of connections, or lost a serialization race)
 * and failures that come with a record (its data breaks a rule, or the code cannot handle it) apart.
 */
public final class TransientFailures {

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof java.net.ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && isTransientState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the record itself caused the failure, so that retrying it can never help: any failure that is not the
     * database's, and the database's data and integrity errors (classes 22 and 23). Everything else the database says
     * (it is away, a table is missing, a permission is wrong) is the environment's, and the record waits for it.
     */
    public static boolean blamesTheRecord(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                return state != null && (state.startsWith("22") || state.startsWith("23"));
            }
        }
        return true;
    }

    /**
     * PostgreSQL's classes: 08 connection, 53 resources, 57P operator intervention (shutting down, starting up),
     * 40 rollbacks (serialization failures, deadlocks); no state at all is the pool's own timeout.
     */
    private static boolean isTransientState(String state) {
        return state == null || state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
                || state.startsWith("40");
    }
}
