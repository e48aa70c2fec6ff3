package com.nightbff.nightwatch.sandbox.fleet;

import com.nightbff.nightwatch.sandbox.faults.FaultRoutes;
import com.nightbff.nightwatch.sandbox.faults.FaultTable;
import com.nightbff.nightwatch.sandbox.geocoder.CityCatalog;
import com.nightbff.nightwatch.sandbox.geocoder.GeocoderStub;
import com.nightbff.nightwatch.sandbox.http.Dispatcher;
import com.nightbff.nightwatch.sandbox.http.Listener;
import com.nightbff.nightwatch.sandbox.http.Reply;
import com.nightbff.nightwatch.sandbox.http.Route;
import com.nightbff.nightwatch.sandbox.metrics.ServiceMetrics;
import java.util.List;
import java.util.Map;

/** The geocoding stub on its own port, with the same fault endpoint as the services. */
public final class GeocoderServer implements AutoCloseable {

    private final Listener listener;
    private final FaultTable faults = new FaultTable();

    public GeocoderServer(String host, int port) {
        CityCatalog catalog = new CityCatalog();
        ServiceMetrics metrics = new ServiceMetrics("geocoder");
        Dispatcher dispatcher = new Dispatcher("geocoder")
                .add(new GeocoderStub(catalog).routes())
                .add(FaultRoutes.routes("geocoder", faults))
                .add(metrics.routes())
                .add(List.of(Route.admin("GET", "/health", r -> Reply.ok(Map.of("status", "ok", "service", "geocoder",
                        "cities", catalog.size())))));
        dispatcher.hooks(new FaultAndMetricHooks(faults, metrics));
        listener = new Listener("geocoder", host, port, dispatcher, 32);
    }

    public void open() {
        listener.open();
    }

    public int port() {
        return listener.port();
    }

    public FaultTable faults() {
        return faults;
    }

    @Override
    public void close() {
        listener.shutdown();
    }
}
