package com.nightbff.nightwatch.catalog;

import com.nightbff.nightwatch.spec.SpecProblem;
import java.util.List;

/** A revision failed validation; the previous snapshot stays active. */
public record ContentRejected(ContentRevision revision, List<SpecProblem> problems) {
}
