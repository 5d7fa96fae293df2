package org.mandate.audit.ledger;

import org.mandate.objectives.json.CanonicalJson;
import org.mandate.objectives.json.Json;

import java.util.Map;

/**
 * A JSON object held as the plain tree its canonical text parses back to, so a record built from live
 * values (objectives' result types) and the record read back from its payload are equal and write the
 * same bytes.
 */
final class JsonTree {

    private JsonTree() {}

    static Map<String, Object> of(Map<String, Object> value, String what) {
        if (value == null) throw new IllegalArgumentException(what + " is missing");
        return Json.parseObject(CanonicalJson.write(value));
    }
}
