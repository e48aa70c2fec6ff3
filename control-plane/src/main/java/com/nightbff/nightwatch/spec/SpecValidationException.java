package com.nightbff.nightwatch.spec;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown where a caller needs valid content and got problems; carries all of them, sorted. */
public class SpecValidationException extends RuntimeException {

    private final transient List<SpecProblem> problems;

    public SpecValidationException(List<SpecProblem> problems) {
        super(problems.size() + " content problem(s):\n"
                + problems.stream().sorted(SpecProblem.ORDER).map(SpecProblem::format).collect(Collectors.joining("\n")));
        this.problems = problems.stream().sorted(SpecProblem.ORDER).toList();
    }

    public List<SpecProblem> problems() {
        return problems;
    }
}
