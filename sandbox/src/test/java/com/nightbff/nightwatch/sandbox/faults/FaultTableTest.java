package com.nightbff.nightwatch.sandbox.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nightbff.nightwatch.sandbox.http.ApiError;
import org.junit.jupiter.api.Test;

class FaultTableTest {

    @Test
    void routeFaultOnlyHitsItsRoute() {
        FaultTable table = new FaultTable();
        table.put(new Fault("/api/a", 0, 1.0));
        assertThatThrownBy(() -> table.apply("/api/a")).isInstanceOf(ApiError.class);
        table.apply("/api/b");
        table.clear();
        table.apply("/api/a");
        assertThat(table.active()).isEmpty();
    }

    @Test
    void globalFaultHitsEveryRouteAndLatencyIsApplied() {
        FaultTable table = new FaultTable();
        table.put(new Fault(null, 50, 0));
        long t0 = System.nanoTime();
        table.apply("/anything");
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(50);
        table.put(new Fault(null, 0, 0));
        assertThat(table.active()).hasSize(1);
    }

    @Test
    void rejectsOutOfRangeValues() {
        assertThatThrownBy(() -> new Fault(null, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Fault(null, 0, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
