package com.nightbff.nightwatch.probes.http;

import com.nightbff.nightwatch.probes.Probe;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/** Evaluates one JSON assertion; returns null when it holds, else what was wrong. */
final class Assertions {

    private Assertions() {
    }

    static String check(Probe.JsonAssertion a, JsonNode root) {
        List<JsonNode> nodes = a.path().select(root);
        String path = a.path().toString();
        if (a.exists() != null) {
            if (a.exists() && nodes.isEmpty()) {
                return "nothing at " + path;
            }
            if (!a.exists() && !nodes.isEmpty()) {
                return path + " exists, expected it absent";
            }
        }
        boolean valueChecks = a.equalTo() != null || a.matches() != null || a.min() != null || a.max() != null;
        if (!valueChecks) {
            return null;
        }
        if (nodes.isEmpty() && !a.path().hasWildcard()) {
            return "nothing at " + path;
        }
        for (JsonNode node : nodes) {
            String problem = value(a, node, path);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String value(Probe.JsonAssertion a, JsonNode node, String path) {
        if (a.equalTo() != null && !equal(a.equalTo(), node)) {
            return path + " is " + abbreviate(node.toString()) + ", expected " + a.equalTo();
        }
        if (a.matches() != null && !a.matches().matcher(text(node)).matches()) {
            return path + " is " + abbreviate(node.toString()) + ", expected it to match " + a.matches().pattern();
        }
        if (a.min() != null || a.max() != null) {
            if (!node.isNumber()) {
                return path + " is " + abbreviate(node.toString()) + ", expected a number";
            }
            double v = node.asDouble();
            if (a.min() != null && v < a.min()) {
                return path + " is " + v + ", below min " + a.min();
            }
            if (a.max() != null && v > a.max()) {
                return path + " is " + v + ", above max " + a.max();
            }
        }
        return null;
    }

    static boolean equal(Object expected, JsonNode node) {
        if (expected instanceof String s) {
            return node.isString() && s.equals(node.asString());
        }
        if (expected instanceof Number n) {
            return node.isNumber() && node.asDouble() == n.doubleValue();
        }
        if (expected instanceof Boolean b) {
            return node.isBoolean() && node.asBoolean() == b;
        }
        return Objects.equals(expected, node.toString());
    }

    static String text(JsonNode node) {
        return node.isString() ? node.asString() : node.toString();
    }

    static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }
}
