package com.wedsync.perf.localstack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server as JDBC sees it: a URL and credentials. The database in the URL is the maintenance
 * database; {@link #forDatabase} gives the same server's URL for a service's own database.
 */
public record JdbcTarget(String url, String user, String password) {

    private static final Pattern POSTGRES_URL = Pattern.compile("^(jdbc:postgresql://[^/?]+)/?([^?]*)(\\?.*)?$");
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public static JdbcTarget parse(String url, String user, String password) {
        if (!POSTGRES_URL.matcher(url).matches()) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + url
                    + " (expected jdbc:postgresql://host:port/database)");
        }
        return new JdbcTarget(url, user, password);
    }

    /** The URL of another database on the same server, keeping the URL's parameters. */
    public JdbcTarget forDatabase(String database) {
        requireValidName(database);
        Matcher m = POSTGRES_URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException("not a PostgreSQL JDBC URL: " + url);
        }
        String parameters = m.group(3) == null ? "" : m.group(3);
        return new JdbcTarget(m.group(1) + "/" + database + parameters, user, password);
    }

    static String requireValidName(String database) {
        if (database == null || !DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("database name '" + database
                    + "' must be lower-case letters, digits and underscores, starting with a letter");
        }
        return database;
    }
}
