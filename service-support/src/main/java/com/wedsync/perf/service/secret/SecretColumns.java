package com.wedsync.perf.service.secret;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The secret columns of one table, keyed by one text column: how a value's context is named, and, at start-up,
 * every value stored in plain text (before encryption) or under an older key written again under the current one.
 */
public record SecretColumns(String table, String keyColumn, List<String> columns) {

    private static final Logger LOG = Logger.getLogger(SecretColumns.class);

    /** The context a value of this column and row is sealed with. */
    public String context(String column, String key) {
        return table + "." + column + "/" + key;
    }

    /** Seals what is not sealed under the current key yet; returns how many values it wrote. */
    public int reseal(DataSource db, SecretBox box) {
        String select = "SELECT " + keyColumn + ", " + String.join(", ", columns) + " FROM " + table;
        int written = 0;
        try (Connection c = db.getConnection()) {
            List<String[]> due = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(select); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String[] row = new String[columns.size() + 1];
                    for (int i = 0; i <= columns.size(); i++) {
                        row[i] = r.getString(i + 1);
                    }
                    for (int i = 1; i < row.length; i++) {
                        if (!box.isCurrent(row[i])) {
                            due.add(row);
                            break;
                        }
                    }
                }
            }
            for (String[] row : due) {
                for (int i = 0; i < columns.size(); i++) {
                    String column = columns.get(i);
                    String value = row[i + 1];
                    if (box.isCurrent(value)) {
                        continue;
                    }
                    try (PreparedStatement u = c.prepareStatement("UPDATE " + table + " SET " + column + " = ? WHERE "
                            + keyColumn + " = ? AND " + column + " = ?")) {
                        u.setString(1, box.seal(box.open(value, context(column, row[0])), context(column, row[0])));
                        u.setString(2, row[0]);
                        u.setString(3, value);
                        written += u.executeUpdate();
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot encrypt the secrets of " + table + ": " + e.getMessage(), e);
        }
        if (written > 0) {
            LOG.infof("%s: %d secret value(s) encrypted under the current key", table, written);
        }
        return written;
    }
}
