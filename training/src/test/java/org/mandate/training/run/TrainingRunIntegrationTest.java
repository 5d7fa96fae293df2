package org.mandate.training.run;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.mandate.objectives.catalogue.Catalogue;
import org.mandate.objectives.catalogue.Novelty;
import org.mandate.objectives.catalogue.ProviderFairness;
import org.mandate.objectives.catalogue.Relevance;
import org.mandate.objectives.json.CanonicalJson;
import org.mandate.objectives.mandate.DataUseRules;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.objectives.mandate.Provenance;
import org.mandate.training.data.InteractionData;
import org.mandate.training.data.SyntheticBroadcaster;
import org.mandate.training.eval.Ease;
import org.mandate.training.eval.Evaluation;
import org.mandate.training.eval.Evaluator;
import org.mandate.training.eval.MostPopular;
import org.mandate.training.model.ModelParameters;
import org.mandate.training.model.Scalarisation;
import org.mandate.training.split.HoldoutSplit;
import org.mandate.training.train.ProgressListener;
import org.mandate.training.train.TrainerConfig;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The vertical slice at reduced size (400 programmes × 800 viewers): a relevance-only model and a voted
 * mandate are trained with real DL4J, evaluated on held-out users, and compared.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainingRunIntegrationTest {

    private static final long SEED = 7;
    private static final TrainerConfig CONFIG = new TrainerConfig(200, 20, 500, 3e-3, 0.5, SEED, 10, 4);
    private static final Mandate VOTED = new Mandate(
            new TreeMap<>(Map.of(Relevance.ID, 0.5, Novelty.ID, 0.25, ProviderFairness.ID, 0.25)),
            List.of(), DataUseRules.NONE, null, Provenance.baseline("integration-test panel"));

    private InteractionData data;
    private HoldoutSplit split;
    private TrainingResult baseline;
    private TrainingResult voted;
    private Evaluation mostPopular;
    private final List<String> progress = new ArrayList<>();

    @BeforeAll
    void trainBoth() {
        data = SyntheticBroadcaster.generate(SyntheticBroadcaster.Config.defaults(SEED).withSize(400, 800));
        split = HoldoutSplit.standard(data, SEED);
        baseline = TrainingRun.execute(data, split, Mandate.relevanceOnly(), CONFIG, ProgressListener.NONE);
        voted = TrainingRun.execute(data, split, VOTED, CONFIG,
                (phase, epoch, epochs, loss, seconds) -> progress.add(phase + " " + epoch + "/" + epochs));
        InteractionData training = split.trainingData(data);
        mostPopular = new Evaluator(training.features(), CONFIG.k()).evaluate(new MostPopular(training), split, new TreeMap<>());
        System.out.printf("[slice] most-popular %s%n[slice] relevance-only %s (%.1f s)%n[slice] voted %s (%.1f s)%n",
                line(mostPopular), line(baseline.evaluation()), baseline.seconds(), line(voted.evaluation()), voted.seconds());
    }

    private static String line(Evaluation e) {
        StringBuilder s = new StringBuilder();
        e.metrics().forEach((id, m) -> s.append(m.metric()).append('=').append(String.format("%.4f ", m.value())));
        return s.toString().trim();
    }

    @Test
    void relevanceOnlyBeatsMostPopularOnNdcg() {
        double model = baseline.evaluation().value(Relevance.ID);
        double popular = mostPopular.value(Relevance.ID);
        assertTrue(model > popular + 0.05, "personalised NDCG " + model + " vs most-popular " + popular);
    }

    @Test
    void theVotedMandateRecommendsMoreNovelAndFairerLists() {
        Evaluation b = baseline.evaluation(), v = voted.evaluation();
        assertTrue(v.value(Novelty.ID) > b.value(Novelty.ID) + 0.25,
                "self-information: voted " + v.value(Novelty.ID) + " vs baseline " + b.value(Novelty.ID));
        assertTrue(v.value(ProviderFairness.ID) < b.value(ProviderFairness.ID) - 0.05,
                "exposure distance: voted " + v.value(ProviderFairness.ID) + " vs baseline " + b.value(ProviderFairness.ID));
        assertTrue(v.value(Relevance.ID) < b.value(Relevance.ID), "the trade-off costs some relevance");
        assertTrue(v.value(Relevance.ID) > mostPopular.value(Relevance.ID) + 0.02,
                "half the weight on relevance keeps lists more relevant than the chart: voted NDCG " + v.value(Relevance.ID)
                        + " vs most-popular " + mostPopular.value(Relevance.ID));
    }

    @Test
    void everyCatalogueObjectiveIsEvaluatedOnEveryHeldOutUser() {
        for (TrainingResult r : List.of(baseline, voted)) {
            assertEquals(Catalogue.all().stream().map(o -> o.id()).toList(), List.copyOf(r.evaluation().metrics().keySet()));
            assertEquals(split.heldOutUsers().length, r.evaluation().users());
        }
    }

    @Test
    void calibrationAndTrainingReportProgressAndThePayoffTableIsInTheManifest() {
        // Calibration runs as long as the training it calibrates, whatever the configured minimum (4).
        assertTrue(progress.contains("calibration:novelty 20/20"), progress.toString());
        assertEquals(20, voted.payoffTable().calibrationEpochs());
        assertTrue(progress.contains("training 20/20"), progress.toString());
        assertTrue(voted.payoffTable().calibrated());
        for (String id : voted.payoffTable().objectives()) {
            assertTrue(voted.payoffTable().nadir(id) > voted.payoffTable().ideal(id), id + ": the other optima are worse");
        }
        assertFalse(baseline.payoffTable().calibrated());
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) voted.manifest().toJsonValue();
        assertEquals(VOTED.sha256(), json.get("mandate_sha256"));
        assertEquals(data.sha256(), json.get("data_sha256"));
        assertEquals(voted.payoffTable().toJsonValue(), json.get("payoff_table"));
        assertEquals(TrainingRun.DATA_FIELDS_READ, json.get("data_fields_read"));
        @SuppressWarnings("unchecked")
        Map<String, Object> hyper = (Map<String, Object>) json.get("hyper_parameters");
        assertEquals(Scalarisation.DEFAULT.toJson(), hyper.get("scalarisation"), "the manifest names the loss that was minimised");
        assertEquals("smooth_chebyshev", ((Map<?, ?>) hyper.get("scalarisation")).get("kind"));
        assertEquals(20, hyper.get("calibration_epochs"));
        assertNotNull(json.get("code_version"));
    }

    /** Every run carries the practitioner's alternatives, measured exactly as a separate evaluation would. */
    @Test
    void theBaselinesAreEvaluatedBesideEveryRunOnTheSameHeldOutUsers() {
        InteractionData training = split.trainingData(data);
        Evaluator evaluator = new Evaluator(training.features(), CONFIG.k());
        Evaluation popular = evaluator.evaluate(new MostPopular(training), split, VOTED.exposureTargets());
        Evaluation ease = evaluator.evaluate(new Ease(training, 200), split, VOTED.exposureTargets());
        assertEquals(popular.canonicalJson(), voted.baselines().mostPopular().canonicalJson());
        assertEquals(ease.canonicalJson(), voted.baselines().ease().canonicalJson());
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) voted.manifest().toJsonValue();
        assertEquals(voted.baselines().toJsonValue(), json.get("baselines"));
        assertEquals(200.0, ((Map<?, ?>) ((Map<?, ?>) json.get("baselines")).get("ease")).get("lambda"));
        assertTrue(ease.value("relevance") > popular.value("relevance"), "EASE beats the chart on relevance here");
    }

    @Test
    void theSameSeedTrainsTheSameModel() {
        TrainingResult again = TrainingRun.execute(data, split, Mandate.relevanceOnly(), CONFIG, ProgressListener.NONE);
        ModelParameters a = baseline.model().parameters(), b = again.model().parameters();
        for (String name : ModelParameters.NAMES) {
            assertEquals(a.asMap().get(name), b.asMap().get(name), name + " differs between runs");
        }
        assertEquals(baseline.evaluation().canonicalJson(), again.evaluation().canonicalJson());
        assertEquals(baseline.manifest().canonicalJson(), again.manifest().canonicalJson());
        TrainingResult otherSeed = TrainingRun.execute(data, split, Mandate.relevanceOnly(),
                new TrainerConfig(200, 2, 500, 3e-3, 0.5, SEED + 1, 10, 4), ProgressListener.NONE);
        assertNotEquals(baseline.manifest().modelSha256(), otherSeed.manifest().modelSha256());
    }

    @Test
    void anArtifactReloadsToIdenticalScores(@TempDir Path dir) throws Exception {
        ModelArtifact.write(voted, dir);
        assertEquals(voted.manifest().canonicalJson(), Files.readString(dir.resolve(ModelArtifact.MANIFEST)));
        ModelArtifact loaded = ModelArtifact.load(dir);
        assertEquals(voted.manifest().modelSha256(), loaded.manifest().get("model_sha256"));
        assertEquals(CanonicalJson.write(voted.manifest().toJsonValue()), CanonicalJson.write(loaded.manifest()));
        int[][] histories = split.foldIn();
        INDArray before = voted.model().logits(histories);
        INDArray after = loaded.model().logits(histories);
        assertEquals(before, after);

        byte[] bytes = Files.readAllBytes(dir.resolve(ModelArtifact.PARAMETERS));
        bytes[bytes.length - 1] ^= 1;
        Files.write(dir.resolve(ModelArtifact.PARAMETERS), bytes);
        assertThrows(IllegalStateException.class, () -> ModelArtifact.load(dir), "a tampered model is refused");
    }

    @Test
    void aMandateForbiddingAFieldTheTrainerNeedsIsRefused() {
        Mandate forbidding = new Mandate(new TreeMap<>(Map.of(Relevance.ID, 1.0)), List.of(),
                new DataUseRules(List.of("items.provider_group"), null), null, Provenance.baseline("no provider data"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingRun.execute(data, split, forbidding, CONFIG, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("items.provider_group"));
    }
}
