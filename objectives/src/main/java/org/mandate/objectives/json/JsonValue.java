package org.mandate.objectives.json;

/** A value that has a JSON form made of maps, lists, strings, numbers, booleans and nulls. */
public interface JsonValue {

    /** The JSON tree of this value; {@link CanonicalJson} turns it into canonical bytes. */
    Object toJsonValue();

    default String canonicalJson() {
        return CanonicalJson.write(toJsonValue());
    }

    /** SHA-256 of the canonical JSON: the identity of this value in the ledger. */
    default String sha256() {
        return CanonicalJson.sha256(toJsonValue());
    }
}
