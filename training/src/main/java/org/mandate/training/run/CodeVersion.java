package org.mandate.training.run;

/** The training module's version from its jar manifest (Implementation-Version), or "dev" outside a jar. */
public final class CodeVersion {

    private CodeVersion() {}

    public static String current() {
        String v = CodeVersion.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? "dev" : v;
    }
}
