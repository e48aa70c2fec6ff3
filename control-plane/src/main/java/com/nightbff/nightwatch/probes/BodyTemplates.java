package com.nightbff.nightwatch.probes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/** Walks a JSON body template (plain data with {@link Template} strings) to collect, parse or render it. */
public final class BodyTemplates {

    private BodyTemplates() {
    }

    static void collect(Object body, Consumer<Template> each) {
        if (body instanceof Template t) {
            each.accept(t);
        } else if (body instanceof Map<?, ?> map) {
            map.values().forEach(v -> collect(v, each));
        } else if (body instanceof List<?> list) {
            list.forEach(v -> collect(v, each));
        }
    }

    /** The body with every template rendered, ready for a JSON writer. */
    public static Object render(Object body, Function<String, String> secrets, Map<String, String> vars, Instant now) {
        return mapLeaves(body, leaf -> leaf instanceof Template t ? t.render(secrets, vars, now) : leaf);
    }

    /** The same tree of maps and lists, every other value replaced by {@code leaf} of it. */
    static Object mapLeaves(Object body, Function<Object, Object> leaf) {
        if (body instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), mapLeaves(v, leaf)));
            return out;
        }
        if (body instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(mapLeaves(v, leaf)));
            return out;
        }
        return leaf.apply(body);
    }
}
