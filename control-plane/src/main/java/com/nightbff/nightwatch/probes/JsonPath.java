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
        return selectWithFields(root).stream().map(Selected::node).toList();
    }

    /**
     * A selected node and the names of the object fields on its way from the root, including the members
     * a wildcard went through: the prober masks a value found under a sensitive name however it was reached.
     */
    public record Selected(JsonNode node, List<String> fields) {

        private Selected into(String field, JsonNode child) {
            List<String> path = new ArrayList<>(fields);
            path.add(field);
            return new Selected(child, List.copyOf(path));
        }
    }

    /** Every node the path selects, with the fields it was reached through; empty when nothing matches. */
    public List<Selected> selectWithFields(JsonNode root) {
        List<Selected> current = new ArrayList<>();
        if (root != null) {
            current.add(new Selected(root, List.of()));
        }
        for (Segment segment : segments) {
            List<Selected> next = new ArrayList<>();
            for (Selected at : current) {
                JsonNode node = at.node();
                if (segment instanceof Field f && node.isObject() && node.has(f.name())) {
                    next.add(at.into(f.name(), node.get(f.name())));
                } else if (segment instanceof Index idx && node.isArray() && idx.index() < node.size()) {
                    next.add(new Selected(node.get(idx.index()), at.fields()));
                } else if (segment instanceof Wildcard && node.isArray()) {
                    node.values().forEach(element -> next.add(new Selected(element, at.fields())));
                } else if (segment instanceof Wildcard && node.isObject()) {
                    node.properties().forEach(member -> next.add(at.into(member.getKey(), member.getValue())));
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
