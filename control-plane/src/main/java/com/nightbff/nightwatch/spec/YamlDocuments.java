package com.nightbff.nightwatch.spec;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Strict YAML reading. Content is code reviewed by people, so anything that makes a file mean
 * something other than it looks is rejected: tabs, duplicate keys, non-scalar keys, many aliases
 * (alias bombs), deep nesting, oversized or non-UTF-8 files. Each document comes back as a
 * {@link SpecMap} that reports further problems with positions.
 */
public final class YamlDocuments {

    /** Large enough for any hand-written content file, small enough that parsing stays cheap. */
    static final int MAX_ALIASES = 10;
    static final int MAX_DEPTH = 32;

    private YamlDocuments() {
    }

    /** Parses every document in the file; an empty list when the file could not be read at all. */
    public static List<SpecMap> parse(String file, byte[] content, Problems problems) {
        String text = ContentText.decode(file, content, problems);
        if (text == null || !tabsAbsent(file, text, problems) || !eventsSafe(file, text, problems)) {
            return List.of();
        }
        List<SpecMap> documents = new ArrayList<>();
        // This file's own problems, not the bundle's so far: an empty file is reported whatever came before it.
        int before = problems.size();
        try {
            Composer composer = new Composer(parser(text), new Resolver(), options());
            while (composer.checkNode()) {
                Node root = composer.getNode();
                if (nothingWritten(root)) {
                    // A '---' with nothing after it (a trailing separator, a document of comments): no document
                    // was meant, so it is not a "document of type null". A file of nothing at all is still empty_document.
                    continue;
                }
                if (!structureSafe(file, root, "", Collections.newSetFromMap(new IdentityHashMap<>()),
                        Collections.newSetFromMap(new IdentityHashMap<>()), problems)) {
                    continue;
                }
                if (root instanceof MappingNode mapping) {
                    documents.add(new SpecMap(file, "", mapping, problems));
                } else {
                    problems.add(position(file, root.getStartMark()), SpecProblem.ROOT, "wrong_type",
                            "a document must be a mapping of fields, got " + YamlNodes.describe(root), null);
                }
            }
        } catch (MarkedYAMLException e) {
            problems.add(syntaxProblem(file, e));
        } catch (YAMLException e) {
            problems.add(SourcePosition.startOf(file), SpecProblem.ROOT, "yaml_syntax", e.getMessage(), null);
        }
        if (documents.isEmpty() && problems.size() == before) {
            problems.add(SourcePosition.startOf(file), SpecProblem.ROOT, "empty_document",
                    "the file holds no YAML document", "remove the file or add its content");
        }
        return documents;
    }

    /** An implicit empty scalar: what the composer makes of a separator with nothing after it (unlike an explicit {@code ~}). */
    private static boolean nothingWritten(Node root) {
        return root instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag()) && scalar.getValue().isEmpty();
    }

    static SourcePosition position(String file, Mark mark) {
        return mark == null ? SourcePosition.startOf(file) : new SourcePosition(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(ContentText.MAX_BYTES);
        options.setProcessComments(false);
        return options;
    }

    private static Parser parser(String text) {
        return new ParserImpl(new StreamReader(new StringReader(text)), options());
    }

    private static boolean tabsAbsent(String file, String text, Problems problems) {
        String[] lines = text.split("\n", -1);
        boolean clean = true;
        for (int i = 0; i < lines.length; i++) {
            int tab = lines[i].indexOf('\t');
            if (tab >= 0) {
                problems.add(new SourcePosition(file, i + 1, tab + 1), SpecProblem.ROOT, "tab_character",
                        "tab characters are not allowed in content files", "indent and separate with spaces");
                clean = false;
            }
        }
        return clean;
    }

    /** Walks parser events before composing: finds syntax errors and counts aliases with their positions. */
    private static boolean eventsSafe(String file, String text, Problems problems) {
        try {
            Parser parser = parser(text);
            int aliases = 0;
            while (parser.peekEvent() != null) {
                Event event = parser.getEvent();
                if (event instanceof AliasEvent && ++aliases > MAX_ALIASES) {
                    problems.add(position(file, event.getStartMark()), SpecProblem.ROOT, "alias_limit",
                            "more than " + MAX_ALIASES + " aliases in one file", "write the values out instead of aliasing them");
                    return false;
                }
            }
            return true;
        } catch (MarkedYAMLException e) {
            problems.add(syntaxProblem(file, e));
            return false;
        } catch (YAMLException e) {
            problems.add(SourcePosition.startOf(file), SpecProblem.ROOT, "yaml_syntax", e.getMessage(), null);
            return false;
        }
    }

    private static SpecProblem syntaxProblem(String file, MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String message = e.getProblem() != null ? e.getProblem() : e.getMessage();
        if (e.getContext() != null && e.getProblem() != null) {
            message = e.getContext() + ", " + e.getProblem();
        }
        return new SpecProblem(position(file, mark), SpecProblem.ROOT, "yaml_syntax", message.strip(),
                "check indentation and quoting around this position");
    }

    /**
     * Rejects duplicate and non-scalar keys everywhere, including in free-form maps nobody else walks,
     * and aliases that contain themselves ({@code &a [*a]}), which no reader could walk to the end.
     * {@code open} holds the nodes on the way down to this one, {@code done} those already checked
     * (an alias used twice is checked once).
     */
    private static boolean structureSafe(String file, Node node, String path, Set<Node> open, Set<Node> done, Problems problems) {
        if (open.contains(node)) {
            problems.add(position(file, node.getStartMark()), path.isEmpty() ? SpecProblem.ROOT : path, "recursive_alias",
                    "this value contains itself through an alias", "write the nested value out instead of referring to its parent");
            return false;
        }
        if (!done.add(node)) {
            return true;
        }
        open.add(node);
        boolean ok = true;
        if (node instanceof MappingNode mapping) {
            Set<String> keys = new HashSet<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                    problems.add(position(file, tuple.getKeyNode().getStartMark()), path.isEmpty() ? SpecProblem.ROOT : path,
                            "wrong_type", "keys must be plain strings, got " + YamlNodes.describe(tuple.getKeyNode()), null);
                    ok = false;
                    continue;
                }
                String childPath = SpecMap.child(path, key.getValue());
                if (!keys.add(key.getValue())) {
                    problems.add(position(file, key.getStartMark()), childPath, "duplicate_key",
                            "key '" + key.getValue() + "' appears twice in the same mapping", "keep one of them");
                    ok = false;
                }
                ok &= structureSafe(file, tuple.getValueNode(), childPath, open, done, problems);
            }
        } else if (node instanceof SequenceNode sequence) {
            for (int i = 0; i < sequence.getValue().size(); i++) {
                ok &= structureSafe(file, sequence.getValue().get(i), path + "[" + i + "]", open, done, problems);
            }
        }
        open.remove(node);
        return ok;
    }
}
