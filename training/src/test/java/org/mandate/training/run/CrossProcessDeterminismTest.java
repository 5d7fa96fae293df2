package org.mandate.training.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue #3, "training is deterministic for a given seed on the same machine", across processes: separate JVMs
 * running {@link DeterminismProbe} with the same seed and the same (inherited, default) thread settings end with the
 * same {@code model_sha256}, the same manifest and the same held-out metrics. One child trains alone; then two train
 * at once, so that they fight for the cores (2 on the reference machine) and ND4J's and OpenBLAS's threads are
 * scheduled and interleaved differently from the lone run. A run resumed inside one JVM
 * ({@link CheckpointResumeTest}) cannot show this: each process has its own native thread pools, JIT and memory
 * layout, and nothing (calibration cache included) is shared between them.
 * <p>
 * A fourth child, started beside the pair, runs with another thread count ({@code OMP_NUM_THREADS}, which sets ND4J's and OpenBLAS's) and must
 * train <em>different</em> bits: that shows the probe is big enough for the partitioning of ND4J's reductions and
 * BLAS gemm to reach the parameters, so the equal hashes above are evidence, not a consequence of single-threaded
 * ops. It is also the documented limit of the guarantee: same machine and same thread settings.
 */
class CrossProcessDeterminismTest {

    private static final long SEED = 11;
    /** Generous: a child takes 10–25 s alone on 2 shared cores, about twice that when two run at once. */
    private static final long CHILD_TIMEOUT_SECONDS = 240;

    /** What one child printed: the {@link DeterminismProbe#RESULT} line's fields, the line, and the metrics line. */
    private record ProbeResult(String modelSha256, String manifestSha256, String threads, String line, String metrics) {}

    @Test
    void processesAloneAndUnderContentionTrainTheSameModel(@TempDir Path dir) throws Exception {
        String classPath = snapshotClassPath(dir);
        ProbeResult alone = await(start(dir, classPath, "alone", Map.of()), dir, "alone");
        System.out.printf("[determinism] alone:%n  %s%n", alone.line());
        assertTrue(alone.modelSha256().matches("[0-9a-f]{64}"), alone.line());

        // Two children with the same settings at once, plus the control with another thread count beside them (more
        // contention for the pair, and its run time overlaps theirs instead of adding to the test's).
        int threads = Integer.parseInt(alone.threads().substring(0, alone.threads().indexOf('/')));
        String other = Integer.toString(threads == 1 ? 2 : 1);
        List<String> names = List.of("together-a", "together-b", "other-threads");
        List<Process> children = new ArrayList<>();
        List<ProbeResult> results = new ArrayList<>();
        try {
            children.add(start(dir, classPath, names.get(0), Map.of()));
            children.add(start(dir, classPath, names.get(1), Map.of()));
            children.add(start(dir, classPath, names.get(2), Map.of("OMP_NUM_THREADS", other)));
            for (int i = 0; i < children.size(); i++) results.add(await(children.get(i), dir, names.get(i)));
        } finally {
            children.forEach(Process::destroyForcibly);  // no-op for children that exited; a failure must not leave any running
        }
        ProbeResult ra = results.get(0), rb = results.get(1), control = results.get(2);
        System.out.printf("[determinism] two at once:%n  %s%n  %s%n[determinism] beside them, OMP_NUM_THREADS=%s:%n  %s%n",
                ra.line(), rb.line(), other, control.line());
        for (ProbeResult r : List.of(ra, rb)) {
            assertEquals(alone.threads(), r.threads(), "the children must run with the same thread settings");
            assertEquals(alone.modelSha256(), r.modelSha256(), "model_sha256 differs between processes with seed " + SEED);
            assertEquals(alone.manifestSha256(), r.manifestSha256(), "the manifests (payoff table, multipliers, metrics) differ");
            assertEquals(alone.metrics(), r.metrics());
        }
        assertNotEquals(alone.threads(), control.threads(), "OMP_NUM_THREADS=" + other + " did not change the thread settings");
        assertNotEquals(alone.modelSha256(), control.modelSha256(), "a child with " + control.threads() + " threads trained the "
                + "same bits as one with " + alone.threads() + ": the probe is too small to exercise multi-threaded reductions");
    }

    /**
     * This JVM's class path with every directory on it (target/classes, target/test-classes) copied into {@code dir}
     * once: the children load classes lazily for half a minute, and a build of the same working tree meanwhile would
     * otherwise hand them missing or different classes, hence a spurious failure or a spurious hash difference.
     */
    private static String snapshotClassPath(Path dir) throws IOException {
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path source = Path.of(entry);
            if (!Files.isDirectory(source)) {
                entries.add(entry);
                continue;
            }
            Path target = dir.resolve("classpath-" + n++);
            try (Stream<Path> files = Files.walk(source)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Path to = target.resolve(source.relativize(f).toString());
                    if (Files.isDirectory(f)) Files.createDirectories(to);
                    else Files.copy(f, to);
                }
            }
            entries.add(target.toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    private static Process start(Path dir, String classPath, String name, Map<String, String> environment) throws IOException {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-cp", classPath,
                DeterminismProbe.class.getName(), Long.toString(SEED)));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile());
        // Children inherit this environment (OMP_NUM_THREADS included, if set), so they share thread settings.
        pb.environment().putAll(environment);
        return pb.start();
    }

    private static ProbeResult await(Process p, Path dir, String name) throws Exception {
        if (!p.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("child " + name + " did not finish in " + CHILD_TIMEOUT_SECONDS + " s; stderr tail:\n" + tail(dir.resolve(name + ".err")));
        }
        List<String> out = Files.readAllLines(dir.resolve(name + ".out"), StandardCharsets.UTF_8);
        String line = out.stream().filter(l -> l.startsWith(DeterminismProbe.RESULT)).findFirst().orElse(null);
        String metrics = out.stream().filter(l -> l.startsWith(DeterminismProbe.METRICS)).findFirst().orElse(null);
        if (p.exitValue() != 0 || line == null || metrics == null) {
            fail("child " + name + " exited with " + p.exitValue() + " without a result; stderr tail:\n" + tail(dir.resolve(name + ".err")));
        }
        return new ProbeResult(field(line, "model_sha256"), field(line, "manifest_sha256"), field(line, "threads") + " blas "
                + field(line, "blas_threads"), line, metrics);
    }

    private static String field(String line, String key) {
        for (String part : line.split(" ")) {
            if (part.startsWith(key + "=")) return part.substring(key.length() + 1);
        }
        throw new AssertionError("no " + key + " in: " + line);
    }

    private static String tail(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
