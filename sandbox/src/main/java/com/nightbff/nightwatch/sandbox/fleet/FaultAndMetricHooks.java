package com.nightbff.nightwatch.sandbox.fleet;

import com.nightbff.nightwatch.sandbox.faults.FaultTable;
import com.nightbff.nightwatch.sandbox.http.Hooks;
import com.nightbff.nightwatch.sandbox.metrics.ServiceMetrics;

/** What every sandbox server does around an API call: apply the active faults first, record the request after. */
final class FaultAndMetricHooks implements Hooks {

    private final FaultTable faults;
    private final ServiceMetrics metrics;

    FaultAndMetricHooks(FaultTable faults, ServiceMetrics metrics) {
        this.faults = faults;
        this.metrics = metrics;
    }

    @Override
    public void beforeApi(String route) {
        faults.apply(route);
    }

    @Override
    public void completed(String method, String route, int status, long nanos) {
        metrics.record(method, route, status, nanos);
    }
}
