package com.nightbff.nightwatch.probes;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The JSON path subset probes need: {@code $}, {@code .name}, {@code ['name']}, {@code [3]} and
 * {@code [*]} (every element). Kept small on purpose: a full JSONPath engine would bring filter
 * expressions into content files, which reviewers would then have to read as code.
 */
public final class JsonPath {

    private sealed interface Segment permits Field, Index, Wildcard {
    }

    private record Field(String name) implements Segment {
    }

    private record Index(int index) implements Segment {
    }

    private record Wildcard() implements Segment {
    }

    private final String text;
    private final List<Segment> segments;

    private JsonPath(String text, List<Segment> segments) {
        this.text = text;
        this.segments = List.copyOf(segments);
    }

    /** Parses a path; throws {@link IllegalArgumentException} with the reason when it is not in the subset. */
    public static JsonPath parse(String text) {
        if (!text.startsWith("$")) {
            throw new IllegalArgumentException("a JSON path starts with '$'");
        }
        List<Segment> segments = new ArrayList<>();
        int i = 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
                    end++;
                }
                String name = text.substring(i + 1, end);
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("empty field name at position " + (i + 1));
                }
                segments.add(name.equals("*") ? new Wildcard() : new Field(name));
                i = end;
            } else if (c == '[') {
                int close = text.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("'[' at position " + (i + 1) + " is not closed");
                }
                String inner = text.substring(i + 1, close).strip();
                if (inner.equals("*")) {
                    segments.add(new Wildcard());
                } else if (inner.matches("\\d{1,6}")) {
                    segments.add(new Index(Integer.parseInt(inner)));
                } else if (inner.length() >= 2 && inner.startsWith("'") && inner.endsWith("'")) {
                    segments.add(new Field(inner.substring(1, inner.length() - 1)));
                } else {
                    throw new IllegalArgumentException("'[" + inner + "]' is not an index, '*' or a quoted name");
                }
                i = close + 1;
            } else {
                throw new IllegalArgumentException("unexpected '" + c + "' at position " + (i + 1));
            }
        }
        return new JsonPath(text, segments);
    }

    public boolean hasWildcard() {
        return segments.stream().anyMatch(Wildcard.class::isInstance);
    }

    /** Every node the path selects; empty when nothing matches. */
    public List<JsonNode> select(JsonNode root) {
        List<JsonNode> current = new ArrayList<>();
        if (root != null) {
            current.add(root);
        }
        for (Segment segment : segments) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                if (segment instanceof Field f && node.isObject() && node.has(f.name())) {
                    next.add(node.get(f.name()));
                } else if (segment instanceof Index idx && node.isArray() && idx.index() < node.size()) {
                    next.add(node.get(idx.index()));
                } else if (segment instanceof Wildcard && (node.isArray() || node.isObject())) {
                    node.values().forEach(next::add);
                }
            }
            current = next;
        }
        return current;
    }

    @Override
    public String toString() {
        return text;
    }
}
