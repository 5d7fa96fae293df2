package org.mandate.training.run;

import org.mandate.objectives.json.JsonValue;
import org.mandate.training.eval.Baselines;
import org.mandate.training.eval.BoundCheck;
import org.mandate.training.eval.Evaluation;
import org.mandate.training.train.PayoffTable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an auditor needs to tie a model to the vote and the data it came from, and to re-run it: the
 * mandate and data hashes, the code version, seed and hyper-parameters, the payoff table that gave the
 * weights their meaning, the data fields the run read and what the data-use rules removed, the multipliers that
 * enforced the floors and ceilings, the held-out metrics, each bound met or missed, and the model file's hash.
 *
 * @param dataUse     the mandate's data-use rules as applied: forbidden fields, age limit and what it removed
 * @param constraints the augmented Lagrangian's final multipliers and per-epoch history (JSON-ready)
 * @param bounds      each floor or ceiling checked on the held-out users
 * @param numericEnvironment thread counts, BLAS and CPU the run's bits depend on ({@link NumericEnvironment})
 * @param baselines   most-popular and EASE on the same held-out users, for comparison
 */
public record RunManifest(String mandateSha256, String dataSha256, String codeVersion, long seed,
                          Map<String, Object> hyperParameters, PayoffTable payoffTable, List<String> dataFieldsRead,
                          Map<String, Object> dataUse, Map<String, Object> split, Object constraints, Evaluation metrics,
                          List<BoundCheck> bounds, String modelSha256, Map<String, Object> numericEnvironment,
                          Baselines baselines) implements JsonValue {

    public static final int SCHEMA_VERSION = 1;

    public RunManifest {
        hyperParameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hyperParameters));
        split = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(split));
        dataFieldsRead = List.copyOf(dataFieldsRead);
        dataUse = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dataUse));
        bounds = List.copyOf(bounds);
        numericEnvironment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(numericEnvironment));
    }

    @Override
    public Object toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schema_version", SCHEMA_VERSION);
        json.put("mandate_sha256", mandateSha256);
        json.put("data_sha256", dataSha256);
        json.put("code_version", codeVersion);
        json.put("seed", seed);
        json.put("hyper_parameters", hyperParameters);
        json.put("payoff_table", payoffTable.toJsonValue());
        json.put("data_fields_read", dataFieldsRead);
        json.put("data_use", dataUse);
        json.put("split", split);
        json.put("constraints", constraints);
        json.put("metrics", metrics.toJsonValue());
        json.put("bounds", bounds.stream().map(BoundCheck::toJsonValue).toList());
        json.put("baselines", baselines.toJsonValue());
        json.put("model_sha256", modelSha256);
        json.put("numeric_environment", numericEnvironment);
        return json;
    }
}
