package com.nightbff.nightwatch.ledger;

import com.nightbff.nightwatch.catalog.ContentApplied;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records changes as they happen. A config commit is recorded once per activation of its revision across
 * the cluster: each change of the active revision, a rollback to an earlier one and the way forward again
 * included, adds one entry; replicas following the revision another one applied, a restart resuming it,
 * or two replicas applying the same tip at once add nothing.
 */
@Component
public class ChangeLedger {

    /** Serialises config-commit activations across replicas (an advisory lock key: "NWLEDGER" in ASCII). */
    private static final long ACTIVATION_LOCK = 0x4e574c4544474552L;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    ChangeLedger(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @EventListener
    void onContentApplied(ContentApplied event) {
        tx.executeWithoutResult(status -> recordActivation(event));
    }

    /** The latest config-commit entry: its ref, and the id of that ref's first entry (when the revision first became active). */
    private record Latest(String ref, long firstId) {
    }

    private void recordActivation(ContentApplied event) {
        // Held to the end of the transaction, so a second replica reads the latest entry only after the first one's insert.
        jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(?)").param(ACTIVATION_LOCK).query(Integer.class).single();
        var revision = event.revision();
        Optional<Latest> latest = jdbc.sql("""
                SELECT ref, (SELECT min(id) FROM change_event f WHERE f.kind = c.kind AND f.ref = c.ref)
                FROM change_event c WHERE kind = ? ORDER BY id DESC LIMIT 1""")
                .param(ChangeEvent.CONFIG_COMMIT).query((rs, n) -> new Latest(rs.getString(1), rs.getLong(2))).optional();
        if (latest.isPresent() && latest.get().ref().equals(revision.sha())) {
            return;
        }
        Optional<Long> firstId = jdbc.sql("SELECT id FROM change_event WHERE kind = ? AND ref = ? ORDER BY id LIMIT 1")
                .params(ChangeEvent.CONFIG_COMMIT, revision.sha()).query(Long.class).optional();
        if (firstId.isPresent() && event.origin() != ContentApplied.Origin.APPLIED) {
            // A follower or a restart may hold a revision the cluster has already left (it read the store just before a
            // rollback); the replica that applied a revision records its activations. A revision with no entry at all is
            // recorded from here: the replica that applied it stopped before the ledger took it.
            return;
        }
        String activation = firstId.isEmpty() ? ChangeEvent.FIRST
                : latest.isPresent() && firstId.get() < latest.get().firstId() ? ChangeEvent.ROLLBACK : ChangeEvent.ROLL_FORWARD;
        // When the change reached the running system, not the commit's own time: a reset to an old commit happens now, and
        // whatever a change set off (a regression) follows its activation, however long after the commit that came.
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO change_event (kind, ref, author, summary, files, activation, previous_ref, occurred_at, recorded_at)
                VALUES (?, ?, ?, ?, string_to_array(?, E'\\n'), ?, ?, ?, ?)""")
                .params(ChangeEvent.CONFIG_COMMIT, revision.sha(), revision.author(), revision.subject(),
                        String.join("\n", event.filesChanged()), activation, latest.map(Latest::ref).orElse(null),
                        now, now)
                .update();
    }

    public List<ChangeEvent> recent(int limit) {
        return jdbc.sql("SELECT id, kind, ref, author, summary, files, activation, previous_ref, occurred_at, recorded_at "
                        + "FROM change_event ORDER BY occurred_at DESC, id DESC LIMIT ?")
                .param(limit)
                .query((rs, n) -> new ChangeEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), files(rs.getArray(6)), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant(),
                        rs.getTimestamp(10).toInstant()))
                .list();
    }

    private static List<String> files(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
