package com.nightbff.nightwatch.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's env file ({@code KEY=value} lines, {@code #} comments) read with positions, and
 * edited without disturbing the lines around the one that changes, so a commit that changes a
 * pool size shows a one-line diff.
 */
public final class EnvFile {

    private static final Pattern LINE = Pattern.compile("^(export\\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$");

    /** One assignment and where its value starts. */
    public record Entry(String key, String value, SourcePosition position) {
    }

    private final String file;
    private final List<String> lines;
    private final Map<String, Entry> entries;
    private final boolean readable;

    private EnvFile(String file, List<String> lines, Map<String, Entry> entries, boolean readable) {
        this.file = file;
        this.lines = lines;
        this.entries = entries;
        this.readable = readable;
    }

    /** False when the file could not be read at all (too large, not UTF-8): that problem is reported, its keys are unknown. */
    public boolean readable() {
        return readable;
    }

    public static EnvFile parse(String file, byte[] content, Problems problems) {
        String text = ContentText.decode(file, content, problems);
        Map<String, Entry> entries = new LinkedHashMap<>();
        if (text == null) {
            return new EnvFile(file, List.of(), entries, false);
        }
        List<String> lines = List.of(text.split("\n", -1));
        for (int i = 0; i < lines.size(); i++) {
            // A file saved with CRLF endings: the \r is the line's end, not part of the value.
            String line = withoutCr(lines.get(i));
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                problems.add(new SourcePosition(file, i + 1, 1), SpecProblem.ROOT, "env_syntax",
                        "expected KEY=value, got '" + abbreviate(line) + "'", "one assignment per line, no spaces around '='");
                continue;
            }
            String key = m.group(2);
            SourcePosition at = new SourcePosition(file, i + 1, m.start(3) + 1);
            if (entries.containsKey(key)) {
                problems.add(new SourcePosition(file, i + 1, m.start(2) + 1), key, "duplicate_key",
                        key + " is already set on line " + entries.get(key).position().line(), "keep one of them");
                continue;
            }
            entries.put(key, new Entry(key, unquote(m.group(3)), at));
        }
        return new EnvFile(file, lines, entries, true);
    }

    public String file() {
        return file;
    }

    public Optional<Entry> entry(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    public Map<String, String> values() {
        Map<String, String> out = new LinkedHashMap<>();
        entries.forEach((k, e) -> out.put(k, e.value()));
        return out;
    }

    /** The file's text with one key set, appended when it was absent; other lines untouched. */
    public String withValue(String key, String value) {
        if (!value.matches("[A-Za-z0-9_./:@+-]*")) {
            throw new IllegalArgumentException("refusing to write an env value that would need quoting: " + value);
        }
        StringBuilder out = new StringBuilder();
        boolean replaced = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Entry entry = entries.get(key);
            if (entry != null && entry.position().line() == i + 1) {
                line = line.substring(0, entry.position().column() - 1) + value + (line.endsWith("\r") ? "\r" : "");
                replaced = true;
            }
            out.append(line);
            if (i < lines.size() - 1) {
                out.append('\n');
            }
        }
        if (!replaced) {
            if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
            out.append(key).append('=').append(value).append('\n');
        }
        return out.toString();
    }

    private static String unquote(String raw) {
        String v = raw.strip();
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        int comment = v.indexOf(" #");
        return comment >= 0 ? v.substring(0, comment).strip() : v;
    }

    private static String withoutCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static String abbreviate(String line) {
        return line.length() > 60 ? line.substring(0, 57) + "..." : line;
    }
}
