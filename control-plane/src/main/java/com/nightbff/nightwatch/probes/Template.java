package com.nightbff.nightwatch.probes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A string with {@code ${…}} references, parsed once at validation. Service and dependency base
 * URLs are substituted at load time (a snapshot is immutable, so they cannot change under a run);
 * secrets, extracted variables and {@code ${now}} are resolved per run, so a rotated secret is
 * picked up without a content change.
 */
public final class Template {

    static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)}");
    /** {@code now}, or {@code now} plus or minus a duration in the one format content uses for them (at most 9 digits). */
    static final Pattern NOW = Pattern.compile("now(?:([+-])" + Durations.FORMAT.pattern() + ")?");

    /** One piece of a template. */
    sealed interface Part permits Literal, Secret, Variable, Now {
    }

    record Literal(String text) implements Part {
    }

    /** Environment variables that configure the plane itself; probes may never reference them. */
    public static final java.util.regex.Pattern PLANE_ONLY = java.util.regex.Pattern.compile("(NIGHTWATCH_|SPRING_|JAVA_|JDK_|MAVEN_)");

    record Secret(String name) implements Part {
    }

    record Variable(String name) implements Part {
    }

    record Now(Duration offset) implements Part {
    }

    /** A secret the environment no longer has; the step fails with {@code secret_missing}. */
    public static final class MissingSecretException extends RuntimeException {
        private final String secret;

        public MissingSecretException(String secret) {
            super("secret " + secret + " is not set in the environment, or is empty");
            this.secret = secret;
        }

        public String secret() {
            return secret;
        }
    }

    private final String source;
    private final List<Part> parts;

    Template(String source, List<Part> parts) {
        this.source = source;
        this.parts = List.copyOf(parts);
    }

    /** A template without references, e.g. for tests and built-in probes. */
    public static Template literal(String text) {
        return new Template(text, List.of(new Literal(text)));
    }

    /** The text as written in the file (secrets appear by name only). */
    public String source() {
        return source;
    }

    public Set<String> secrets() {
        Set<String> out = new LinkedHashSet<>();
        parts.stream().filter(Secret.class::isInstance).map(p -> ((Secret) p).name()).forEach(out::add);
        return out;
    }

    public Set<String> variables() {
        Set<String> out = new LinkedHashSet<>();
        parts.stream().filter(Variable.class::isInstance).map(p -> ((Variable) p).name()).forEach(out::add);
        return out;
    }

    public String render(Function<String, String> secrets, Map<String, String> variables, Instant now) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Literal literal) {
                out.append(literal.text());
            } else if (part instanceof Secret secret) {
                String value = secrets.apply(secret.name());
                if (value == null) {
                    throw new MissingSecretException(secret.name());
                }
                out.append(value);
            } else if (part instanceof Variable variable) {
                out.append(variables.getOrDefault(variable.name(), ""));
            } else if (part instanceof Now n) {
                out.append(now.plus(n.offset()));
            }
        }
        return out.toString();
    }

    /** Parses a template; {@code resolver} turns service/dependency references into text or reports them. */
    static Template parse(String text, Function<String, String> resolver, Function<String, Void> onError) {
        List<Part> parts = new ArrayList<>();
        Matcher m = REFERENCE.matcher(text);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                parts.add(new Literal(text.substring(last, m.start())));
            }
            Part part = reference(m.group(1), resolver, onError);
            if (part != null) {
                parts.add(part);
            }
            last = m.end();
        }
        if (last < text.length()) {
            parts.add(new Literal(text.substring(last)));
        }
        return new Template(text, merge(parts));
    }

    private static Part reference(String ref, Function<String, String> resolver, Function<String, Void> onError) {
        int colon = ref.indexOf(':');
        if (colon > 0) {
            String kind = ref.substring(0, colon);
            String name = ref.substring(colon + 1);
            switch (kind) {
                case "secret" -> {
                    if (!name.matches("[A-Z_][A-Z0-9_]*")) {
                        onError.apply("secret name '" + name + "' must be an environment variable name (A-Z, 0-9, _)");
                        return null;
                    }
                    if (PLANE_ONLY.matcher(name).lookingAt()) {
                        // Content must not be able to send the plane's own credentials (its database,
                        // content repository or admin password) to a host it lists.
                        onError.apply("secret name '" + name + "' is the plane's own configuration, not a probe secret");
                        return null;
                    }
                    return new Secret(name);
                }
                case "service", "dependency" -> {
                    String value = resolver.apply(ref);
                    return value == null ? null : new Literal(value);
                }
                default -> {
                    onError.apply("unknown reference '${" + ref + "}': use ${service:NAME}, ${dependency:NAME}, ${secret:NAME}, "
                            + "${now}, ${now+1d} or a variable extracted by an earlier step");
                    return null;
                }
            }
        }
        Matcher now = NOW.matcher(ref);
        if (now.matches()) {
            return new Now(now.group(1) == null ? Duration.ZERO : offset(now.group(1), now.group(2), now.group(3)));
        }
        if (ref.matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
            return new Variable(ref);
        }
        onError.apply("unknown reference '${" + ref + "}': use ${service:NAME}, ${dependency:NAME}, ${secret:NAME}, "
                + "${now}, ${now+1d} or a variable extracted by an earlier step");
        return null;
    }

    private static Duration offset(String sign, String amount, String unit) {
        Duration d = Durations.of(Long.parseLong(amount), unit);
        return sign.equals("-") ? d.negated() : d;
    }

    private static List<Part> merge(List<Part> parts) {
        List<Part> out = new ArrayList<>();
        for (Part part : parts) {
            if (part instanceof Literal l && !out.isEmpty() && out.get(out.size() - 1) instanceof Literal prev) {
                out.set(out.size() - 1, new Literal(prev.text() + l.text()));
            } else {
                out.add(part);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return source;
    }
}
