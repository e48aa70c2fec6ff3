package com.nightbff.nightwatch.sandbox.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs a query and returns JSON-ready rows keyed by column label; timestamps become ISO instants. */
public final class Rows {

    private Rows() {
    }

    public static List<Map<String, Object>> query(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int col = 1; col <= meta.getColumnCount(); col++) {
                        Object value = rs.getObject(col);
                        if (value instanceof Timestamp ts) {
                            value = ts.toInstant().toString();
                        }
                        row.put(meta.getColumnLabel(col), value);
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    /** The first row, or null. */
    public static Map<String, Object> one(Connection c, String sql, Object... params) throws SQLException {
        List<Map<String, Object>> rows = query(c, sql, params);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Great-circle distance in km from (?, ?) given as lat, lng parameters, over columns lat and lng. */
    public static String distanceKm(String table) {
        return "(6371.0 * 2 * asin(sqrt(power(sin(radians(" + table + ".lat - ?) / 2), 2) + cos(radians(?)) * cos(radians("
                + table + ".lat)) * power(sin(radians(" + table + ".lng - ?) / 2), 2))))";
    }
}
