package com.wedsync.perf.localstack;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Every row of some tables (or of some queries, for columns that background jobs do not change), as text in a stable
 * order: what replay tests compare before and after.
 */
public final class TableSnapshot {

    private TableSnapshot() {
    }

    public static String of(DataSource db, String... tablesOrQueries) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : tablesOrQueries) {
                text.append("== ").append(table).append('\n');
                List<String> rows = new ArrayList<>();
                String query = table.contains(" ") ? table : "SELECT * FROM " + table;
                try (ResultSet r = statement.executeQuery(query)) {
                    ResultSetMetaData columns = r.getMetaData();
                    while (r.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= columns.getColumnCount(); i++) {
                            row.append(columns.getColumnName(i)).append('=').append(r.getString(i)).append(' ');
                        }
                        rows.add(row.toString());
                    }
                }
                rows.stream().sorted().forEach(row -> text.append(row).append('\n'));
            }
        }
        return text.toString();
    }
}
