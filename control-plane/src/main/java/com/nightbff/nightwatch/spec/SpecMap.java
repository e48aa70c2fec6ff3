package com.nightbff.nightwatch.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping read field by field. Every accessor records the field as known, checks its type
 * and reports problems at the value's own position; {@link #finish()} then reports the fields
 * nobody asked for as {@code unknown_field}, with a "did you mean" hint. Accessors return null
 * (or a default) after reporting, so a reader carries on and finds every problem in one pass.
 */
public final class SpecMap {

    private static final java.util.regex.Pattern LEADING_ZERO = java.util.regex.Pattern.compile("[-+]?0\\d+");
    private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("[-+]?\\d+");

    private final String file;
    private final String path;
    private final MappingNode node;
    private final Problems problems;
    private final Map<String, NodeTuple> fields = new LinkedHashMap<>();
    private final Set<String> known = new LinkedHashSet<>();

    SpecMap(String file, String path, MappingNode node, Problems problems) {
        this.file = file;
        this.path = path;
        this.node = node;
        this.problems = problems;
        for (NodeTuple tuple : node.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                fields.putIfAbsent(key.getValue(), tuple);
            }
        }
    }

    public String file() {
        return file;
    }

    public String path() {
        return path.isEmpty() ? SpecProblem.ROOT : path;
    }

    public SourcePosition position() {
        return YamlDocuments.position(file, node.getStartMark());
    }

    public Problems problems() {
        return problems;
    }

    public boolean has(String key) {
        known.add(key);
        return fields.containsKey(key);
    }

    /** Where the field's value starts; the mapping's own position when the field is absent. */
    public SourcePosition positionOf(String key) {
        NodeTuple tuple = fields.get(key);
        return tuple == null ? position() : YamlDocuments.position(file, tuple.getValueNode().getStartMark());
    }

    public String pathOf(String key) {
        return child(path, key);
    }

    /** Reports a problem about a field's value, at that value. */
    public void problem(String key, String code, String message, String hint) {
        problems.add(positionOf(key), pathOf(key), code, message, hint);
    }

    /**
     * Reports a problem about a field's name, at the name: in free-form mappings (JSON paths, variable names)
     * the key is what is wrong, and the value may start far to its right.
     */
    public void keyProblem(String key, String code, String message, String hint) {
        NodeTuple tuple = fields.get(key);
        problems.add(tuple == null ? position() : YamlDocuments.position(file, tuple.getKeyNode().getStartMark()), pathOf(key),
                code, message, hint);
    }

    public String string(String key, boolean required) {
        ScalarNode scalar = scalar(key, required, Tag.STR, "a string");
        return scalar == null ? null : scalar.getValue();
    }

    public String string(String key, String defaultValue) {
        String value = string(key, false);
        return value == null ? defaultValue : value;
    }

    /** An integer within [min, max]; absent → the default (null when required and missing). */
    public Integer integer(String key, Integer defaultValue, boolean required, long min, long max) {
        ScalarNode scalar = scalar(key, required, Tag.INT, "an integer");
        if (scalar == null) {
            return defaultValue;
        }
        String text = scalar.getValue().replace("_", "");
        if (LEADING_ZERO.matcher(text).matches()) {
            // YAML 1.1 reads 010 as octal 8: almost never what was meant.
            problem(key, "wrong_type", "'" + scalar.getValue() + "' has a leading zero, which YAML reads as an octal number",
                    "write it without the leading zero");
            return defaultValue;
        }
        long value;
        try {
            value = Long.decode(text);
        } catch (NumberFormatException e) {
            boolean digits = DIGITS.matcher(text).matches();
            problem(key, digits ? "out_of_range" : "wrong_type", digits ? key + " is " + scalar.getValue() + ", it must be between "
                    + min + " and " + max : "expected an integer, got '" + scalar.getValue() + "'", null);
            return defaultValue;
        }
        if (value < min || value > max) {
            problem(key, "out_of_range", key + " is " + value + ", it must be between " + min + " and " + max, null);
            return defaultValue;
        }
        return (int) value;
    }

    public Double number(String key, Double defaultValue, boolean required, double min, double max) {
        NodeTuple tuple = field(key, required);
        if (tuple == null) {
            return defaultValue;
        }
        Node value = tuple.getValueNode();
        if (!(value instanceof ScalarNode scalar) || !(Tag.INT.equals(value.getTag()) || Tag.FLOAT.equals(value.getTag()))) {
            problem(key, "wrong_type", "expected a number, got " + YamlNodes.describe(value), null);
            return defaultValue;
        }
        double number;
        try {
            number = Double.parseDouble(scalar.getValue().replace("_", ""));
        } catch (NumberFormatException e) {
            // YAML 1.1 also reads .nan, .inf, 0x10 and 1:30 as numbers; none is a sensible setting here.
            problem(key, "wrong_type", "expected a plain decimal number, got '" + scalar.getValue() + "'", "e.g. 0.5 or 2");
            return defaultValue;
        }
        if (number < min || number > max) {
            problem(key, "out_of_range", key + " is " + scalar.getValue() + ", it must be between " + min + " and " + max, null);
            return defaultValue;
        }
        return number;
    }

    public Boolean bool(String key, Boolean defaultValue) {
        ScalarNode scalar = scalar(key, false, Tag.BOOL, "true or false");
        return scalar == null ? defaultValue : Boolean.valueOf(YamlNodes.truthy(scalar.getValue()));
    }

    public Optional<SpecMap> map(String key, boolean required) {
        NodeTuple tuple = field(key, required);
        if (tuple == null) {
            return Optional.empty();
        }
        if (tuple.getValueNode() instanceof MappingNode mapping) {
            return Optional.of(new SpecMap(file, pathOf(key), mapping, problems));
        }
        problem(key, "wrong_type", "expected a mapping, got " + YamlNodes.describe(tuple.getValueNode()), null);
        return Optional.empty();
    }

    /** A list of mappings; elements of another type are reported and skipped. */
    public List<SpecMap> mapList(String key, boolean required) {
        List<SpecMap> out = new ArrayList<>();
        for (Element element : sequence(key, required)) {
            if (element.node() instanceof MappingNode mapping) {
                out.add(new SpecMap(file, element.path(), mapping, problems));
            } else {
                problems.add(YamlDocuments.position(file, element.node().getStartMark()), element.path(), "wrong_type",
                        "expected a mapping, got " + YamlNodes.describe(element.node()), null);
            }
        }
        return out;
    }

    public List<String> stringList(String key) {
        return stringItems(key).stream().map(Item::value).toList();
    }

    /** One string of a list, with its own path and position for problems about that element alone. */
    public record Item(String value, String path, SourcePosition position) {
    }

    public List<Item> stringItems(String key) {
        List<Item> out = new ArrayList<>();
        for (Element element : sequence(key, false)) {
            if (element.node() instanceof ScalarNode scalar && Tag.STR.equals(scalar.getTag())) {
                out.add(new Item(scalar.getValue(), element.path(), YamlDocuments.position(file, scalar.getStartMark())));
            } else {
                problems.add(YamlDocuments.position(file, element.node().getStartMark()), element.path(), "wrong_type",
                        "expected a string, got " + YamlNodes.describe(element.node()), "quote the value");
            }
        }
        return out;
    }

    /** A mapping from free names to integers, e.g. connection headroom per consumer. */
    public Map<String, Integer> integerMap(String key, long min, long max) {
        Map<String, Integer> out = new LinkedHashMap<>();
        map(key, false).ifPresent(inner -> {
            for (String name : inner.keys()) {
                Integer value = inner.integer(name, null, true, min, max);
                if (value != null) {
                    out.put(name, value);
                }
            }
        });
        return out;
    }

    /**
     * A field's value as plain Java data (Map, List, String, Long, Double, Boolean or null), for
     * free-form values such as a request's JSON body; absent fields give {@link Optional#empty()}.
     */
    public Optional<Object> plain(String key) {
        known.add(key);
        NodeTuple tuple = fields.get(key);
        return tuple == null ? Optional.empty() : Optional.ofNullable(YamlNodes.toPlain(tuple.getValueNode()));
    }

    /** The field names present, in file order. */
    public List<String> keys() {
        return List.copyOf(fields.keySet());
    }

    /** Reports every field that no accessor asked for. */
    public void finish() {
        for (Map.Entry<String, NodeTuple> entry : fields.entrySet()) {
            if (!known.contains(entry.getKey())) {
                String suggestion = closest(entry.getKey());
                problems.add(YamlDocuments.position(file, entry.getValue().getKeyNode().getStartMark()), pathOf(entry.getKey()),
                        "unknown_field", "unknown field '" + entry.getKey() + "'",
                        suggestion == null ? "known fields: " + String.join(", ", known) : "did you mean '" + suggestion + "'?");
            }
        }
    }

    /** Checks apiVersion and kind, the header every Nightwatch document starts with. */
    public boolean header(String apiVersion, String kind) {
        String version = string("apiVersion", true);
        String actualKind = string("kind", true);
        boolean ok = true;
        if (version != null && !version.equals(apiVersion)) {
            problem("apiVersion", "unsupported_api_version", "apiVersion is '" + version + "'", "use '" + apiVersion + "'");
            ok = false;
        }
        if (actualKind != null && !actualKind.equals(kind)) {
            problem("kind", "wrong_kind", "kind is '" + actualKind + "', this file must hold a " + kind, "use 'kind: " + kind + "'");
            ok = false;
        }
        return ok && version != null && actualKind != null;
    }

    static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    private NodeTuple field(String key, boolean required) {
        known.add(key);
        NodeTuple tuple = fields.get(key);
        if (tuple == null || Tag.NULL.equals(tuple.getValueNode().getTag()) && tuple.getValueNode() instanceof ScalarNode) {
            if (required) {
                problems.add(tuple == null ? position() : positionOf(key), pathOf(key), "missing_field",
                        "required field '" + key + "' is missing", null);
            }
            return null;
        }
        return tuple;
    }

    private ScalarNode scalar(String key, boolean required, Tag tag, String expected) {
        NodeTuple tuple = field(key, required);
        if (tuple == null) {
            return null;
        }
        Node value = tuple.getValueNode();
        if (value instanceof ScalarNode scalar && tag.equals(scalar.getTag())) {
            return scalar;
        }
        boolean quotable = Tag.STR.equals(tag) && value instanceof ScalarNode;
        problem(key, "wrong_type", "expected " + expected + ", got " + YamlNodes.describe(value), quotable ? "quote the value" : null);
        return null;
    }

    private record Element(String path, Node node) {
    }

    private List<Element> sequence(String key, boolean required) {
        NodeTuple tuple = field(key, required);
        if (tuple == null) {
            return List.of();
        }
        if (!(tuple.getValueNode() instanceof SequenceNode sequence)) {
            problem(key, "wrong_type", "expected a list, got " + YamlNodes.describe(tuple.getValueNode()), null);
            return List.of();
        }
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            out.add(new Element(pathOf(key) + "[" + i + "]", sequence.getValue().get(i)));
        }
        return out;
    }

    private String closest(String unknown) {
        return known.stream().filter(k -> !fields.containsKey(k))
                .map(k -> Map.entry(k, EditDistance.between(unknown.toLowerCase(), k.toLowerCase())))
                .filter(e -> e.getValue() <= Math.max(2, unknown.length() / 3))
                .min(Comparator.comparingInt(Map.Entry::getValue))
                .map(Map.Entry::getKey).orElse(null);
    }
}
