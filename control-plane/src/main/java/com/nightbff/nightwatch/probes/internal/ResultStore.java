package com.nightbff.nightwatch.probes.internal;

import com.nightbff.nightwatch.probes.PhaseTimings;
import com.nightbff.nightwatch.probes.ProbeResult;
import com.nightbff.nightwatch.probes.Reason;
import com.nightbff.nightwatch.probes.StepResult;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Probe results in PostgreSQL: batched inserts, the windows the console shows, roll-up and retention. */
public class ResultStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public ResultStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** Writes runs and their steps in one transaction; either all land or none (and the caller retries). */
    public void insert(List<ProbeResult> results) {
        List<Object[]> runs = new ArrayList<>();
        List<Object[]> steps = new ArrayList<>();
        for (ProbeResult r : results) {
            runs.add(new Object[] {r.runId(), r.probe(), r.service(), r.trigger(), Timestamp.from(r.plannedAt()),
                Timestamp.from(r.startedAt()), r.durationNanos() / 1e6, r.success(), code(r.reason()), r.failedStep()});
            for (int i = 0; i < r.steps().size(); i++) {
                StepResult s = r.steps().get(i);
                PhaseTimings p = s.phases();
                steps.add(new Object[] {r.runId(), i, r.probe(), s.step(), s.dependency(), Timestamp.from(r.startedAt()), s.success(),
                    code(s.reason()), s.message(), s.statusCode(), s.durationNanos() / 1e6, p.millis("resolve"), p.millis("connect"),
                    p.millis("tls"), p.millis("processing"), p.millis("transfer"), s.excerpt()});
            }
        }
        tx.executeWithoutResult(status -> {
            jdbc.batchUpdate("INSERT INTO probe_run (id, probe, service, trigger, planned_at, started_at, duration_ms, success, reason,"
                    + " failed_step) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING", runs);
            jdbc.batchUpdate("INSERT INTO probe_step (run_id, idx, probe, step, dependency, started_at, success, reason, message,"
                    + " status_code, duration_ms, resolve_ms, connect_ms, tls_ms, processing_ms, transfer_ms, excerpt)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", steps);
        });
    }

    /** Runs, successes and p95 over a window. */
    public record Window(Duration length, long runs, long successes, Double p95Ms) {
        public Double successRatio() {
            return runs == 0 ? null : (double) successes / runs;
        }
    }

    /**
     * The console's windows (1 h and 24 h) of every probe, or of one when {@code probe} is not null,
     * in one scan of the longest: each aggregate is filtered to its own window. Windows are in the
     * order of {@code lengths}; a probe with no run in a window gets one with zero runs.
     */
    public Map<String, List<Window>> windows(Instant now, List<Duration> lengths, String probe) {
        StringBuilder sql = new StringBuilder("SELECT probe");
        List<Object> args = new ArrayList<>();
        Duration longest = Duration.ZERO;
        for (Duration length : lengths) {
            String in = " FILTER (WHERE started_at > ?)";
            sql.append(", count(*)").append(in).append(", count(*) FILTER (WHERE success AND started_at > ?)")
                    .append(", percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms)").append(in);
            Timestamp since = Timestamp.from(now.minus(length));
            args.addAll(List.of(since, since, since));
            longest = length.compareTo(longest) > 0 ? length : longest;
        }
        sql.append(" FROM probe_run WHERE started_at > ?");
        args.add(Timestamp.from(now.minus(longest)));
        if (probe != null) {
            sql.append(" AND probe = ?");
            args.add(probe);
        }
        sql.append(" GROUP BY probe");
        Map<String, List<Window>> out = new java.util.HashMap<>();
        jdbc.query(sql.toString(), rs -> {
            List<Window> windows = new ArrayList<>();
            for (int i = 0; i < lengths.size(); i++) {
                int c = 2 + i * 3;
                windows.add(new Window(lengths.get(i), rs.getLong(c), rs.getLong(c + 1), (Double) rs.getObject(c + 2)));
            }
            out.put(rs.getString(1), windows);
        }, args.toArray());
        return out;
    }

    private static final String RUN_COLUMNS = "id, probe, service, trigger, planned_at, started_at, duration_ms, success, reason,"
            + " failed_step";
    private static final org.springframework.jdbc.core.RowMapper<ProbeResult> RUN = (rs, n) -> new ProbeResult(
            (java.util.UUID) rs.getObject(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
            rs.getTimestamp(6).toInstant(), (long) (rs.getDouble(7) * 1e6), rs.getBoolean(8), Reason.fromCode(rs.getString(9)),
            rs.getString(10), List.of());

    /** Stored runs with their steps, newest first. */
    public List<ProbeResult> recentRuns(String probe, int limit, boolean failuresOnly) {
        return withSteps(jdbc.query("SELECT " + RUN_COLUMNS + " FROM probe_run WHERE probe = ?"
                + (failuresOnly ? " AND NOT success" : "") + " ORDER BY started_at DESC LIMIT ?", RUN, probe, limit));
    }

    /**
     * The newest run of each named probe with its steps, in two queries whatever the number of probes:
     * one index probe per name (a DISTINCT ON over the table would walk every raw row kept).
     */
    public Map<String, ProbeResult> lastRuns(java.util.Collection<String> probes) {
        if (probes.isEmpty()) {
            return Map.of();
        }
        List<ProbeResult> runs = withSteps(jdbc.query("SELECT r.* FROM unnest(?) AS p(name) CROSS JOIN LATERAL (SELECT " + RUN_COLUMNS
                + " FROM probe_run WHERE probe = p.name ORDER BY started_at DESC LIMIT 1) r",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", probes.toArray())), RUN));
        Map<String, ProbeResult> out = new java.util.HashMap<>();
        runs.forEach(r -> out.put(r.probe(), r));
        return out;
    }

    /** Loads the steps of all the given runs in one query. */
    private List<ProbeResult> withSteps(List<ProbeResult> runs) {
        if (runs.isEmpty()) {
            return runs;
        }
        Map<java.util.UUID, List<StepResult>> steps = new java.util.HashMap<>();
        jdbc.query("SELECT run_id, step, dependency, success, reason, message, status_code, duration_ms, resolve_ms, connect_ms, tls_ms,"
                        + " processing_ms, transfer_ms, excerpt FROM probe_step WHERE run_id = ANY(?) ORDER BY run_id, idx",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("uuid", runs.stream().map(ProbeResult::runId).toArray())),
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> steps.computeIfAbsent((java.util.UUID) rs.getObject(1),
                        k -> new ArrayList<>()).add(new StepResult(rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        Reason.fromCode(rs.getString(5)), rs.getString(6), rs.getInt(7), new PhaseTimings(phase(rs, 9), phase(rs, 10),
                        phase(rs, 11), phase(rs, 12), phase(rs, 13)), nanos(rs.getDouble(8)), rs.getString(14))));
        List<ProbeResult> out = new ArrayList<>();
        for (ProbeResult r : runs) {
            out.add(new ProbeResult(r.runId(), r.probe(), r.service(), r.trigger(), r.plannedAt(), r.startedAt(), r.durationNanos(),
                    r.success(), r.reason(), r.failedStep(), steps.getOrDefault(r.runId(), List.of())));
        }
        return out;
    }

    /** One point of the latency chart. */
    public record Point(Instant at, double durationMs, boolean success) {
    }

    public List<Point> series(String probe, Instant since) {
        return jdbc.query("SELECT started_at, duration_ms, success FROM probe_run WHERE probe = ? AND started_at > ? ORDER BY started_at",
                (rs, n) -> new Point(rs.getTimestamp(1).toInstant(), rs.getDouble(2), rs.getBoolean(3)), probe, Timestamp.from(since));
    }

    /** Rolls every complete hour before {@code before} into probe_hourly (idempotent), then deletes raw rows older than it. */
    public int rollUpAndDelete(Instant before) {
        Timestamp cut = Timestamp.from(before.truncatedTo(java.time.temporal.ChronoUnit.HOURS));
        return tx.execute(status -> {
            jdbc.update("INSERT INTO probe_hourly (probe, step, hour, runs, successes, p50_ms, p95_ms, p99_ms, max_ms)"
                    + " SELECT probe, 'all', date_trunc('hour', started_at), count(*), count(*) FILTER (WHERE success),"
                    + " percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_ms),"
                    + " percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms),"
                    + " percentile_cont(0.99) WITHIN GROUP (ORDER BY duration_ms), max(duration_ms)"
                    + " FROM probe_run WHERE started_at < ? GROUP BY probe, date_trunc('hour', started_at)"
                    + " ON CONFLICT (probe, step, hour) DO NOTHING", cut);
            jdbc.update("INSERT INTO probe_hourly (probe, step, hour, runs, successes, p50_ms, p95_ms, p99_ms, max_ms)"
                    + " SELECT probe, step, date_trunc('hour', started_at), count(*), count(*) FILTER (WHERE success),"
                    + " percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_ms),"
                    + " percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms),"
                    + " percentile_cont(0.99) WITHIN GROUP (ORDER BY duration_ms), max(duration_ms)"
                    + " FROM probe_step WHERE started_at < ? GROUP BY probe, step, date_trunc('hour', started_at)"
                    + " ON CONFLICT (probe, step, hour) DO NOTHING", cut);
            return jdbc.update("DELETE FROM probe_run WHERE started_at < ?", cut);
        });
    }

    public long count() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM probe_run", Long.class);
        return n == null ? 0 : n;
    }

    private static String code(Reason reason) {
        return reason == null ? null : reason.code();
    }

    private static long nanos(double ms) {
        return (long) (ms * 1e6);
    }

    /** A phase column: NULL when the phase did not happen (rows written before V6 hold 0 there instead). */
    private static Long phase(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        double ms = rs.getDouble(column);
        return rs.wasNull() ? null : nanos(ms);
    }
}
