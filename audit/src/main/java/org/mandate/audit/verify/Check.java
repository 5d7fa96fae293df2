package org.mandate.audit.verify;

/** One verification step's verdict, with the reason a person can act on. */
public record Check(String name, boolean passed, String detail) {

    static Check pass(String name, String detail) {
        return new Check(name, true, detail);
    }

    static Check fail(String name, String detail) {
        return new Check(name, false, detail);
    }

    /** {@code PASS name: detail} or {@code FAIL name: detail}, the line {@code mandate verify} prints. */
    public String line() {
        return (passed ? "PASS " : "FAIL ") + name + ": " + detail;
    }
}
