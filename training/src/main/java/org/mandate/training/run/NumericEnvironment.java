package org.mandate.training.run;

import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What, besides seed, data, mandate and code, decides a trained model's bits: how many threads ND4J's reductions and
 * the BLAS matrix products are split over (set by {@code OMP_NUM_THREADS} before the JVM starts), which BLAS, and the
 * CPU architecture. Training is bit-for-bit repeatable across processes only when these agree (docs/training.md,
 * "Determinism"), so the manifest records them: two runs whose hashes differ for no visible reason show it here.
 */
public final class NumericEnvironment {

    private NumericEnvironment() {}

    /** The current process's settings, as a manifest section. */
    public static Map<String, Object> current() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("nd4j_threads", Nd4j.getEnvironment().maxThreads());
        env.put("nd4j_master_threads", Nd4j.getEnvironment().maxMasterThreads());
        env.put("blas_vendor", String.valueOf(Nd4j.factory().blas().getBlasVendor()));
        env.put("blas_threads", Nd4j.factory().blas().getMaxThreads());
        env.put("os_arch", System.getProperty("os.arch"));
        return env;
    }
}
