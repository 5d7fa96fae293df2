package org.mandate.app;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {

    record Outcome(int code, String out, String err) {}

    static Outcome run(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpListsTheCommands() {
        Outcome o = run("help");
        assertEquals(0, o.code());
        assertTrue(o.out().contains("demo") && o.out().contains("verify") && o.out().contains("serve"));
        assertTrue(o.out().contains("train") && o.out().contains("evaluate") && o.out().contains("recommend"));
    }

    @Test
    void mistakesAreUsageErrors() {
        assertEquals(2, run().code());
        Outcome unknown = run("launch");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown command 'launch'"));
        Outcome badOption = run("demo", "--colour", "red");
        assertEquals(2, badOption.code());
        assertTrue(badOption.err().contains("unknown option --colour"));
        assertTrue(run("demo", "--members", "many").err().contains("must be a whole number"));
        assertTrue(run("demo", "--members", "0").err().contains("at least 1"));
        assertTrue(run("verify", "--receipt", "xyz").err().contains("64 lower-case hex"));
    }

    @Test
    void verifyingAMissingBundleFailsWithAReason() {
        Outcome o = run("verify", "--bundle", "/nonexistent-bundle");
        assertEquals(1, o.code());
        assertTrue(o.out().contains("FAIL bundle: no ledger.jsonl"), o.out());
    }
}
