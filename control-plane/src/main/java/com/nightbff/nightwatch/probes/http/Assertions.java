package com.nightbff.nightwatch.probes.http;

import com.nightbff.nightwatch.probes.JsonPath;
import com.nightbff.nightwatch.probes.Probe;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Evaluates one JSON assertion; returns null when it holds, else what was wrong. A message shows the
 * value it found only through {@link Redactor#quote}, so a token read from {@code $.accessToken}
 * reads as [masked] there, as it does in the excerpt.
 */
final class Assertions {

    private Assertions() {
    }

    static String check(Probe.JsonAssertion a, JsonNode root, Redactor redactor) {
        List<JsonPath.Selected> nodes = a.path().selectWithFields(root);
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
        for (JsonPath.Selected selected : nodes) {
            String problem = value(a, selected, path, redactor);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String value(Probe.JsonAssertion a, JsonPath.Selected selected, String path, Redactor redactor) {
        JsonNode node = selected.node();
        if (a.equalTo() != null && !equal(a.equalTo(), node)) {
            return path + " is " + redactor.quote(selected) + ", expected " + a.equalTo();
        }
        if (a.matches() != null && !a.matches().matcher(text(node)).matches()) {
            return path + " is " + redactor.quote(selected) + ", expected it to match " + a.matches().pattern();
        }
        if (a.min() != null || a.max() != null) {
            if (!node.isNumber()) {
                return path + " is " + redactor.quote(selected) + ", expected a number";
            }
            double v = node.asDouble();
            if (a.min() != null && v < a.min()) {
                return path + " is " + redactor.quote(selected) + ", below min " + a.min();
            }
            if (a.max() != null && v > a.max()) {
                return path + " is " + redactor.quote(selected) + ", above max " + a.max();
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
}
