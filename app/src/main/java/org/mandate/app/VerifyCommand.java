package org.mandate.app;

import org.mandate.audit.verify.Check;
import org.mandate.audit.verify.Verdict;
import org.mandate.audit.verify.VerifyOptions;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code mandate verify}: checks an exported bundle offline and prints one PASS/FAIL line per check. */
final class VerifyCommand {

    private VerifyCommand() {}

    static int run(List<String> words, PrintStream out) {
        Args args = Args.parse(words, Set.of("bundle", "receipt", "previous-checkpoint", "trusted-keys"));
        String receipt = args.options().get("receipt");
        if (receipt != null && !receipt.matches("[0-9a-f]{64}")) throw new Args.UsageException("--receipt must be 64 lower-case hex digits");
        Path bundle = Path.of(args.get("bundle", "bundle"));
        String previous = args.options().get("previous-checkpoint");
        String trusted = args.options().get("trusted-keys");
        VerifyOptions options;
        try {
            options = previous == null && trusted == null ? VerifyOptions.NONE
                    : VerifyOptions.of(previous == null ? null : Path.of(previous), trusted == null ? null : Path.of(trusted));
        } catch (RuntimeException e) {
            throw new Args.UsageException("cannot read --previous-checkpoint / --trusted-keys: " + e.getMessage());
        }
        Verdict verdict = BundleCheck.run(bundle, receipt, options);
        for (Check check : verdict.checks()) out.println(check.line());
        out.println(verdict.passed() ? "VERIFIED: " + verdict.checks().size() + " checks passed" : "NOT VERIFIED: " + verdict.failures().size() + " check(s) failed");
        return verdict.passed() ? 0 : 1;
    }
}
