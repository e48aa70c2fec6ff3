package com.nightbff.nightwatch.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** What a YAML node is, in words for problem messages, and as plain Java data for free-form values. */
final class YamlNodes {

    private YamlNodes() {
    }

    /** A YAML 1.1 boolean's value: true, yes and on (any case, as the resolver accepts them) are true. */
    static boolean truthy(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        return t.equals("true") || t.equals("yes") || t.equals("on");
    }

    static Object toPlain(Node node) {
        if (node instanceof MappingNode mapping) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                out.put(((ScalarNode) tuple.getKeyNode()).getValue(), toPlain(tuple.getValueNode()));
            }
            return out;
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> out = new ArrayList<>();
            sequence.getValue().forEach(n -> out.add(toPlain(n)));
            return out;
        }
        ScalarNode scalar = (ScalarNode) node;
        Tag tag = scalar.getTag();
        String text = scalar.getValue();
        try {
            if (Tag.INT.equals(tag)) {
                return Long.decode(text.replace("_", ""));
            }
            if (Tag.FLOAT.equals(tag)) {
                return Double.valueOf(text.replace("_", ""));
            }
        } catch (NumberFormatException e) {
            return text;
        }
        if (Tag.BOOL.equals(tag)) {
            return truthy(text);
        }
        if (Tag.NULL.equals(tag)) {
            return null;
        }
        return text;
    }

    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        Tag tag = node.getTag();
        if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
            return "a number (" + ((ScalarNode) node).getValue() + ")";
        }
        if (Tag.BOOL.equals(tag)) {
            return "a boolean (" + ((ScalarNode) node).getValue() + ")";
        }
        if (Tag.NULL.equals(tag)) {
            return "nothing (null)";
        }
        if (!Tag.STR.equals(tag)) {
            String name = tag.getValue().startsWith(Tag.PREFIX) ? "a " + tag.getValue().substring(Tag.PREFIX.length())
                    : "a value tagged " + tag.getValue();
            return name + " ('" + ((ScalarNode) node).getValue() + "')";
        }
        return "a string ('" + ((ScalarNode) node).getValue() + "')";
    }
}
