package com.nightbff.nightwatch.catalog;

import com.nightbff.nightwatch.spec.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A content module whose load is written by the test: a rule a newer version adds, or a reader that breaks. */
record TestModule(String name, Function<Problems, String> body) implements ContentModule<String> {

    @Override
    public Class<String> type() {
        return String.class;
    }

    @Override
    public String load(ContentSource source, BundleContext context, Problems problems) {
        return body.apply(problems);
    }

    /** The default modules followed by this one. */
    List<ContentModule<?>> afterDefaults() {
        List<ContentModule<?>> modules = new ArrayList<>(ContentModules.defaults());
        modules.add(this);
        return modules;
    }
}
