package com.nightbff.nightwatch.ledger;

import com.nightbff.nightwatch.catalog.ContentApplied;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records changes as they happen. Recording is idempotent per (kind, ref): replicas applying the
 * same commit, or a restart re-applying it, leave one row.
 */
@Component
public class ChangeLedger {

    private final JdbcClient jdbc;
    private final Clock clock;

    ChangeLedger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void onContentApplied(ContentApplied event) {
        // A resumed revision is normally recorded already (ON CONFLICT keeps the first record); it is
        // inserted here when the plane stopped before the ledger took it the first time.
        var revision = event.revision();
        jdbc.sql("""
                INSERT INTO change_event (kind, ref, author, summary, files, occurred_at, recorded_at)
                VALUES (?, ?, ?, ?, string_to_array(?, E'\\n'), ?, ?)
                ON CONFLICT (kind, ref) DO NOTHING""")
                .params(ChangeEvent.CONFIG_COMMIT, revision.sha(), revision.author(), revision.subject(),
                        String.join("\n", event.filesChanged()),
                        Timestamp.from(revision.committedAt()), Timestamp.from(clock.instant()))
                .update();
    }

    public List<ChangeEvent> recent(int limit) {
        return jdbc.sql("SELECT id, kind, ref, author, summary, files, occurred_at, recorded_at FROM change_event "
                        + "ORDER BY occurred_at DESC, id DESC LIMIT ?")
                .param(limit)
                .query((rs, n) -> new ChangeEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), files(rs.getArray(6)), rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant()))
                .list();
    }

    private static List<String> files(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
