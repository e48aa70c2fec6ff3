package com.nightbff.nightwatch.spec;

import java.util.ArrayList;
import java.util.List;

/** Collects problems across a whole bundle, so validation reports everything at once. */
public final class Problems {

    private final List<SpecProblem> list = new ArrayList<>();

    public void add(SpecProblem problem) {
        list.add(problem);
    }

    public void add(SourcePosition at, String path, String code, String message, String hint) {
        list.add(new SpecProblem(at, path, code, message, hint));
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public int size() {
        return list.size();
    }

    /** Sorted by file and position, the order a user fixes them in. */
    public List<SpecProblem> sorted() {
        return list.stream().sorted(SpecProblem.ORDER).toList();
    }

    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw new SpecValidationException(list);
        }
    }
}
