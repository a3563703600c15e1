package com.wedsync.perf.localstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Creates a service's own database on a PostgreSQL server, once; asking again changes nothing. */
public final class DatabaseProvisioner {

    private DatabaseProvisioner() {
    }

    public static JdbcTarget ensureDatabase(JdbcTarget server, String database) {
        JdbcTarget.requireValidName(database);
        try (Connection connection = DriverManager.getConnection(server.url(), server.user(), server.password())) {
            if (!exists(connection, database)) {
                try (Statement statement = connection.createStatement()) {
                    // The name is validated above: CREATE DATABASE cannot take a bind parameter.
                    statement.execute("CREATE DATABASE " + database);
                } catch (SQLException e) {
                    if (!"42P04".equals(e.getSQLState())) {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database '" + database + "' on " + server.url()
                    + ": " + e.getMessage(), e);
        }
        return server.forDatabase(database);
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
