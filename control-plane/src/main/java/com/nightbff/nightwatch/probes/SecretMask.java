package com.nightbff.nightwatch.probes;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Masks the values of the secrets the active probes reference in results read back from the store.
 * The prober masks before a result is stored; this is the second line, for a result written by an
 * older or buggy prober, applied on the one read path the console and the API share.
 */
public final class SecretMask {

    private final Map<String, String> masksByForm = new LinkedHashMap<>();
    private final List<Map.Entry<String, String>> ordered;

    SecretMask(Collection<Probe> probes, Function<String, String> env) {
        for (Probe probe : probes) {
            for (String name : probe.secrets()) {
                add(name, env.apply(name));
            }
        }
        ordered = SecretForms.longestFirst(masksByForm);
    }

    /** Secret name to value. */
    SecretMask(Map<String, String> values) {
        values.forEach(this::add);
        ordered = SecretForms.longestFirst(masksByForm);
    }

    private void add(String name, String value) {
        for (String form : SecretForms.of(value)) {
            masksByForm.putIfAbsent(form, "[secret:" + name + "]");
        }
    }

    public String text(String text) {
        return SecretForms.replaceAll(text, ordered);
    }

    ProbeResult result(ProbeResult result) {
        if (result == null || masksByForm.isEmpty()) {
            return result;
        }
        return new ProbeResult(result.runId(), result.probe(), result.service(), result.trigger(), result.plannedAt(),
                result.startedAt(), result.durationNanos(), result.success(), result.reason(), result.failedStep(),
                result.steps().stream().map(s -> new StepResult(s.step(), s.dependency(), s.success(), s.reason(), text(s.message()),
                        s.statusCode(), s.phases(), s.durationNanos(), text(s.excerpt()))).toList());
    }
}
