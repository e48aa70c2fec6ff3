package com.nightbff.nightwatch.sandbox.cache;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A string cache in Redis. Not connected at start means "run uncached" (and retry in the background);
 * once connected, a Redis outage makes commands time out after one second, so requests fail with 5xx
 * the way NightBFF's did rather than silently skipping the cache.
 */
public final class RecommendationCache implements AutoCloseable {

    public record Lookup(String value, boolean hit) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(RecommendationCache.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    /** Where keyv-style wrapping puts values: a namespace the reader never looks in. */
    private static final String WRAPPED_NAMESPACE = "keyv:";

    private final String url;
    private final String prefix;
    private final RedisClient client;
    private final ScheduledExecutorService retry;
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile String unavailable = "not connected yet";
    private volatile CacheMode mode = CacheMode.OK;
    private final CountDownLatch firstAttempt = new CountDownLatch(1);

    public RecommendationCache(String url, String prefix) {
        this.url = url;
        this.prefix = prefix;
        if (url == null || url.equalsIgnoreCase("none")) {
            client = null;
            retry = null;
            unavailable = "Redis disabled (--redis-url none)";
            firstAttempt.countDown();
            return;
        }
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(TIMEOUT);
        client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .socketOptions(SocketOptions.builder().connectTimeout(TIMEOUT).build())
                .timeoutOptions(TimeoutOptions.enabled(TIMEOUT))
                .build());
        retry = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "redis-connect");
            t.setDaemon(true);
            return t;
        });
        // Connecting costs ~2 s of client start-up; done in the background while the database is prepared.
        retry.execute(() -> {
            tryConnect();
            firstAttempt.countDown();
        });
        retry.scheduleWithFixedDelay(this::tryConnect, 5, 5, TimeUnit.SECONDS);
    }

    /** Waits (bounded) until the first connection attempt has finished, so "ready" means cached when possible. */
    public void awaitFirstAttempt(Duration timeout) {
        try {
            firstAttempt.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void tryConnect() {
        if (connection != null) {
            return;
        }
        try {
            connection = client.connect();
            unavailable = null;
            LOG.info("interest cache connected to {}", url);
        } catch (RuntimeException e) {
            String reason = "Redis unreachable at " + url + ": " + e.getMessage();
            if (!reason.equals(unavailable)) {
                LOG.warn("interest runs uncached: {}", reason);
            }
            unavailable = reason;
        }
    }

    /** Null when connected; otherwise why the service runs uncached. */
    public String unavailableReason() {
        StatefulRedisConnection<String, String> c = connection;
        if (c != null && !c.isOpen()) {
            // Lettuce keeps the connection object while it reconnects; health must not call that connected.
            return "Redis connection to " + url + " lost; reconnecting";
        }
        return unavailable;
    }

    public CacheMode mode() {
        return mode;
    }

    public void mode(CacheMode value) {
        mode = value;
        StatefulRedisConnection<String, String> c = connection;
        if (value == CacheMode.WRAPPED && c != null) {
            // From now on nothing is written where reads look, so drop what is there: every read
            // misses at once, as in the incident, instead of after the entries' TTL.
            RedisCommands<String, String> redis = c.sync();
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.matches(prefix + "*").limit(500));
                if (!page.getKeys().isEmpty()) {
                    redis.del(page.getKeys().toArray(new String[0]));
                }
                cursor = page;
            } while (!cursor.isFinished());
        }
    }

    /** Whether this request should consult Redis at all. */
    public boolean active() {
        return mode != CacheMode.BYPASS && connection != null;
    }

    public Lookup get(String key) {
        RedisCommands<String, String> redis = connection.sync();
        String value = redis.get(prefix + key);
        return new Lookup(value, value != null);
    }

    public void put(String key, String json, Duration ttl) {
        RedisCommands<String, String> redis = connection.sync();
        if (mode == CacheMode.WRAPPED) {
            long expires = System.currentTimeMillis() + ttl.toMillis();
            redis.set(WRAPPED_NAMESPACE + prefix + key, "{\"value\":" + json + ",\"expires\":" + expires + "}",
                    SetArgs.Builder.ex(ttl));
        } else {
            redis.set(prefix + key, json, SetArgs.Builder.ex(ttl));
        }
    }

    public String ping() {
        StatefulRedisConnection<String, String> c = connection;
        return c == null ? null : c.sync().ping();
    }

    @Override
    public void close() {
        if (retry != null) {
            retry.shutdownNow();
        }
        if (connection != null) {
            connection.close();
        }
        if (client != null) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }
}
