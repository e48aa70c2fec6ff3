package com.nightbff.nightwatch.probes.internal;

import com.nightbff.nightwatch.probes.Probes;

/**
 * The probes of the active content, kept on every replica. The engine holds only what this replica
 * runs, which is nothing where probes are disabled; the console and API list these instead, so such a
 * replica still shows every probe with the results the others stored.
 */
public final class ActiveProbes {

    private volatile Probes current = Probes.NONE;

    public Probes current() {
        return current;
    }

    void use(Probes probes) {
        current = probes;
    }
}
