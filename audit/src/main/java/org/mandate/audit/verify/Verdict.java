package org.mandate.audit.verify;

import java.util.List;

/** Every check a verification ran; the bundle verifies only if all of them passed. */
public record Verdict(List<Check> checks) {

    public Verdict {
        checks = List.copyOf(checks);
    }

    public boolean passed() {
        return !checks.isEmpty() && checks.stream().allMatch(Check::passed);
    }

    public List<Check> failures() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }
}
