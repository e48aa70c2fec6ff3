package com.nightbff.nightwatch.sandbox.fleet;

import com.nightbff.nightwatch.sandbox.config.EnvWatcher;
import com.nightbff.nightwatch.sandbox.config.ServiceSettings;
import com.nightbff.nightwatch.sandbox.db.ServicePool;
import com.nightbff.nightwatch.sandbox.faults.FaultRoutes;
import com.nightbff.nightwatch.sandbox.faults.FaultTable;
import com.nightbff.nightwatch.sandbox.http.Dispatcher;
import com.nightbff.nightwatch.sandbox.http.Listener;
import com.nightbff.nightwatch.sandbox.http.Reply;
import com.nightbff.nightwatch.sandbox.http.Route;
import com.nightbff.nightwatch.sandbox.journeys.Journey;
import com.nightbff.nightwatch.sandbox.journeys.JourneyContext;
import com.nightbff.nightwatch.sandbox.journeys.Journeys;
import com.nightbff.nightwatch.sandbox.metrics.ServiceMetrics;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One NightBFF service: port, pool, journeys, metrics, faults, and its env file applied live. */
public final class SandboxService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxService.class);

    private final String name;
    private final Listener listener;
    private final ServicePool pool;
    private final ServiceMetrics metrics;
    private final FaultTable faults = new FaultTable();
    private final EnvWatcher watcher;
    private final Shared shared;
    private final Instant started = Instant.now();
    private volatile ServiceSettings settings;

    public SandboxService(String name, int port, Shared shared) {
        this.name = name;
        this.shared = shared;
        this.watcher = new EnvWatcher(shared.envDir().resolve(name + ".env"), this::apply, 500);
        this.settings = ServiceSettings.from(watcher.initial().orElse(Map.of()), ServiceSettings.defaults());
        if (watcher.initial().isEmpty()) {
            LOG.warn("{}: no {}.env in {}; DB_POOL_SIZE defaults to {}", name, name, shared.envDir(), settings.poolSize());
        }
        this.pool = new ServicePool(name, shared.database(), settings.poolSize());
        pool.latency(settings.dbLatencyMs());
        this.metrics = new ServiceMetrics(name);
        metrics.poolGauge("hikaricp_connections_active", "Connections in use", pool::active);
        metrics.poolGauge("hikaricp_connections_idle", "Idle connections", pool::idle);
        metrics.poolGauge("hikaricp_connections_max", "Maximum pool size (DB_POOL_SIZE)", pool::maxSize);
        metrics.poolGauge("hikaricp_connections", "Open connections", pool::total);
        metrics.poolGauge("hikaricp_connections_pending", "Requests waiting for a connection", pool::pending);
        Journey journey = Journeys.forService(new JourneyContext(name, pool, shared.auth(), () -> settings, shared.postgis(),
                shared.geocoder(), shared.cache(), metrics));
        Dispatcher dispatcher = new Dispatcher(name)
                .add(journey.routes())
                .add(FaultRoutes.routes(name, faults))
                .add(metrics.routes())
                .add(List.of(Route.admin("GET", "/health", r -> Health.check(name, started, pool, journey::describe)),
                        Route.admin("PUT", "/_sandbox/listen", r -> listen(r.json().path("open").asBoolean(true)))));
        dispatcher.hooks(new FaultAndMetricHooks(faults, metrics));
        this.listener = new Listener(name, shared.host(), port, dispatcher, shared.httpThreads());
    }

    private void apply(Map<String, String> env) {
        ServiceSettings next = ServiceSettings.from(env, settings);
        settings = next;
        pool.resize(next.poolSize());
        pool.latency(next.dbLatencyMs());
    }

    private Reply listen(boolean open) {
        setOpen(open);
        Reply reply = Reply.ok(Map.of("service", name, "open", open));
        // The port refuses connections by now; the client must not keep this one for its next request.
        return open ? reply : reply.header("Connection", "close");
    }

    public void open() {
        listener.open();
    }

    public void setOpen(boolean open) {
        if (open) {
            if (listener.open()) {
                LOG.info("{}: port {} reopened", name, listener.port());
            }
        } else if (listener.close()) {
            LOG.info("{}: port {} closed (reopen with PUT /_sandbox/listen on the control port)", name, listener.port());
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return listener.port();
    }

    public ServicePool pool() {
        return pool;
    }

    public ServiceMetrics metrics() {
        return metrics;
    }

    public FaultTable faults() {
        return faults;
    }

    public Map<String, Object> status() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", name);
        view.put("port", listener.port());
        view.put("open", listener.isOpen());
        view.put("poolMax", pool.maxSize());
        view.put("poolActive", pool.active());
        view.put("poolIdle", pool.idle());
        view.put("poolTotal", pool.total());
        view.put("faults", faults.active().size());
        view.put("settings", settings.raw());
        return view;
    }

    @Override
    public void close() {
        watcher.close();
        listener.shutdown();
        pool.close();
    }
}
