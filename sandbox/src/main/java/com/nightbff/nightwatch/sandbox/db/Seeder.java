package com.nightbff.nightwatch.sandbox.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and fills NightBFF's schema once per database (a few thousand rows, set-based, well under a
 * second), and refreshes the probe user's password on every start so it follows SANDBOX_PROBE_PASSWORD.
 */
public final class Seeder {

    public static final String PROBE_EMAIL = "probe@nightbff.test";
    public static final String BULK_PASSWORD = "nightbff-user";
    private static final Logger LOG = LoggerFactory.getLogger(Seeder.class);
    private static final int SEED_VERSION = 1;
    private static final long LOCK_KEY = 0x4e42_4646L;

    private static final String HUBS = """
            CREATE TEMP TABLE IF NOT EXISTS hubs(n int, lat double precision, lng double precision) ON COMMIT DROP;
            INSERT INTO hubs VALUES (0, 51.5074, -0.1278), (1, 52.5200, 13.4050), (2, 40.7128, -74.0060),
              (3, 48.8566, 2.3522), (4, 41.3874, 2.1686), (5, 52.3676, 4.9041), (6, 34.0522, -118.2437),
              (7, 35.6762, 139.6503);
            """;

    private static final String BULK = """
            SELECT setseed(0.42);
            INSERT INTO interests(name, category)
              SELECT c || ' ' || t, c FROM unnest(ARRAY['Techno','House','Jazz','Rooftop','Karaoke','Cocktails','Craft Beer',
                'Live Music']) c CROSS JOIN unnest(ARRAY['Nights','Bars','Clubs','Parties','Crawls']) t
              ON CONFLICT (name) DO NOTHING;
            INSERT INTO users(email, password_hash, display_name, lat, lng)
              SELECT 'user' || g || '@nightbff.test', '%1$s', 'User ' || g,
                     h.lat + (random() - 0.5) * 0.2, h.lng + (random() - 0.5) * 0.3
              FROM generate_series(1, 3000) g JOIN hubs h ON h.n = g %% 8
              ON CONFLICT (email) DO NOTHING;
            INSERT INTO user_interests(user_id, interest_id)
              SELECT u.id, 1 + ((u.id * 7 + k * 13) %% (SELECT count(*) FROM interests))
              FROM users u CROSS JOIN generate_series(0, 3) k ON CONFLICT DO NOTHING;
            INSERT INTO venues(name, category, lat, lng, popularity)
              SELECT (ARRAY['Club','Bar','Lounge','Pub','Rooftop'])[1 + g %% 5] || ' ' || g,
                     (ARRAY['club','bar','lounge','pub','rooftop'])[1 + g %% 5],
                     h.lat + (random() - 0.5) * 0.3, h.lng + (random() - 0.5) * 0.4, (random() * 1000)::int
              FROM generate_series(1, 4000) g JOIN hubs h ON h.n = g %% 8;
            INSERT INTO events(title, venue_id, starts_at, attendee_count)
              SELECT 'Event ' || g, 1 + (g * 37) %% 4000, now() + (random() * 16 - 2) * interval '1 day', (random() * 500)::int
              FROM generate_series(1, 3000) g;
            INSERT INTO chats(title) SELECT 'Night out ' || g FROM generate_series(1, 600) g;
            INSERT INTO chat_members(chat_id, user_id)
              SELECT c.id, 1 + (c.id * 11 + k * 97) %% 3000 FROM chats c CROSS JOIN generate_series(0, 4) k ON CONFLICT DO NOTHING;
            INSERT INTO messages(chat_id, sender_id, body, sent_at)
              SELECT m.chat_id, m.user_id, 'See you at ' || m.chat_id || '?', now() - random() * interval '3 days'
              FROM chat_members m CROSS JOIN generate_series(1, 3);
            INSERT INTO notifications(user_id, kind, body, read, created_at)
              SELECT u.id, (ARRAY['plan_invite','event_reminder','new_message','friend_nearby'])[1 + k %% 4],
                     'Notification ' || k, random() < 0.5, now() - random() * interval '7 days'
              FROM users u CROSS JOIN generate_series(1, 5) k;
            """;

    private Seeder() {
    }

    /** Seeds when needed; returns whether PostGIS is available in this database. */
    public static boolean seed(Connection c, String probePasswordHash, String bulkPasswordHash,
                               Predicate<String> probeHashCurrent) throws SQLException {
        long start = System.nanoTime();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
            st.execute(Schema.DDL);
            upsertProbe(c, probePasswordHash, probeHashCurrent);
            boolean seeded;
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM sandbox_seed WHERE version = " + SEED_VERSION)) {
                seeded = rs.next();
            }
            if (!seeded) {
                st.execute(HUBS);
                st.execute(BULK.formatted(bulkPasswordHash));
                seedProbeExtras(st);
                st.execute("INSERT INTO sandbox_seed(version) VALUES (" + SEED_VERSION + ")");
            }
            c.commit();
            c.setAutoCommit(true);
            boolean postgis = enablePostgis(c);
            LOG.info("database ready in {} ms (seeded now: {}, postgis: {})", (System.nanoTime() - start) / 1_000_000,
                    !seeded, postgis);
            return postgis;
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static void upsertProbe(Connection c, String hash, Predicate<String> probeHashCurrent) throws SQLException {
        String existing = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT password_hash FROM users WHERE email = ?")) {
            ps.setString(1, PROBE_EMAIL);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    existing = rs.getString(1);
                }
            }
        }
        if (existing != null && probeHashCurrent.test(existing)) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO users(email, password_hash, display_name, lat, lng)
                VALUES (?, ?, 'Nightwatch Probe', 51.5074, -0.1278)
                ON CONFLICT (email) DO UPDATE SET password_hash = EXCLUDED.password_hash""")) {
            ps.setString(1, PROBE_EMAIL);
            ps.setString(2, hash);
            ps.executeUpdate();
        }
    }

    /** The probe user gets data on every journey so probes exercise real rows, not empty lists. */
    private static void seedProbeExtras(Statement st) throws SQLException {
        String probe = "(SELECT id FROM users WHERE email = '" + PROBE_EMAIL + "')";
        st.execute("INSERT INTO user_interests(user_id, interest_id) SELECT " + probe + ", i FROM generate_series(1, 3) i"
                + " ON CONFLICT DO NOTHING");
        st.execute("INSERT INTO chat_members(chat_id, user_id) SELECT c, " + probe + " FROM generate_series(1, 5) c"
                + " ON CONFLICT DO NOTHING");
        st.execute("INSERT INTO notifications(user_id, kind, body, read, created_at) SELECT " + probe
                + ", 'event_reminder', 'Probe notification ' || g, g % 2 = 0, now() - g * interval '1 hour'"
                + " FROM generate_series(1, 10) g");
    }

    private static boolean enablePostgis(Connection c) {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS postgis");
            st.execute(Schema.POSTGIS);
            return true;
        } catch (SQLException e) {
            LOG.info("PostGIS not available ({}); venue search uses the great-circle scan", e.getMessage().lines().findFirst()
                    .orElse(""));
            return false;
        }
    }
}
