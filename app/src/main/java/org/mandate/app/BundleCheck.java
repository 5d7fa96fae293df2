package org.mandate.app;

import org.mandate.audit.verify.BundleVerifier;
import org.mandate.audit.verify.Check;
import org.mandate.audit.verify.Verdict;
import org.mandate.audit.verify.VerifyOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What {@code mandate verify} and the demo check: the audit module's offline checks, then every published model re-run. */
final class BundleCheck {

    private BundleCheck() {}

    static Verdict run(Path bundle, String receipt, VerifyOptions options) {
        List<Check> checks = new ArrayList<>(BundleVerifier.verify(bundle, receipt, options).checks());
        checks.addAll(Reevaluation.check(bundle));
        return new Verdict(checks);
    }
}
