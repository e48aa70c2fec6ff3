package com.nightbff.nightwatch.system;

import java.time.Clock;
import java.sql.Timestamp;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who did what, when, with what outcome. Every console action, login and content decision lands
 * here. A failed write is logged and does not fail the action: the audit must never be the
 * reason an operator cannot roll back during an incident.
 */
@Component
public class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One audited action. */
    public record Entry(java.time.Instant at, String actor, String action, String target, String outcome, String detail) {
    }

    public void record(String actor, String action, String target, String outcome, String detail) {
        try {
            jdbc.sql("INSERT INTO audit_event (at, actor, action, target, outcome, detail) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(Timestamp.from(clock.instant()), actor, action, target, outcome, detail).update();
        } catch (RuntimeException e) {
            LOG.error("audit write failed for {} {} {} ({}): {}", actor, action, target, outcome, e.getMessage());
        }
    }

    public List<Entry> recent(int limit) {
        return jdbc.sql("SELECT at, actor, action, target, outcome, detail FROM audit_event ORDER BY id DESC LIMIT ?")
                .param(limit)
                .query((rs, n) -> new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .list();
    }
}
