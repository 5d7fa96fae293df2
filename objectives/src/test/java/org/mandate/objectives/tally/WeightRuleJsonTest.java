package org.mandate.objectives.tally;

import org.junit.jupiter.api.Test;
import org.mandate.objectives.ballot.ObjectiveMenu;
import org.mandate.objectives.ballot.WeightBallot;
import org.mandate.objectives.json.CanonicalJson;
import org.mandate.objectives.json.Json;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class WeightRuleJsonTest {

    @Test
    void everyRuleIsRebuiltFromTheIdAndSettingsItRecords() {
        for (String id : WeightRule.IDS) {
            WeightRule rule = WeightRule.byId(id);
            Map<String, Object> settings = Json.parseObject(CanonicalJson.write(rule.settings()));
            assertEquals(rule, WeightRule.fromJson(id, settings), id);
            assertEquals(rule, WeightRule.fromJson(id, Map.of()), id);
        }
        QrMedianRule custom = new QrMedianRule(0.25, 0.5);
        Map<String, Object> settings = Json.parseObject(CanonicalJson.write(custom.settings()));
        assertEquals(custom, WeightRule.fromJson(QrMedianRule.ID, settings));
        // Integer-valued settings parse as longs and still match.
        assertEquals(new QrMedianRule(1, 1), WeightRule.fromJson(QrMedianRule.ID, Map.of("lipschitz", 1L, "delta", 1L)));
    }

    @Test
    void settingsThatDidNotRunAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> WeightRule.fromJson(MeanRule.ID, Map.of("trim", 0.1)));
        assertThrows(IllegalArgumentException.class, () -> WeightRule.fromJson(IndependentMarketsRule.ID, Map.of("phantoms", "other")));
        assertThrows(IllegalArgumentException.class, () -> WeightRule.fromJson(QrMedianRule.ID, Map.of("lipschitz", "big")));
        assertThrows(IllegalArgumentException.class, () -> WeightRule.fromJson(QrMedianRule.ID, Map.of("lipschitz", -1.0)));
        assertThrows(IllegalArgumentException.class, () -> WeightRule.fromJson("borda", Map.of()));
    }

    @Test
    void aRecordCanBeRerunFromItsOwnJson() {
        List<WeightBallot> ballots = List.of(
                WeightBallot.ofPoints("a", Map.of("relevance", 70, "novelty", 30)),
                WeightBallot.ofPoints("b", Map.of("relevance", 20, "novelty", 80)));
        ObjectiveMenu menu = ObjectiveMenu.of("relevance", "novelty");
        TallyRecord record = Tally.run(ballots, menu, new QrMedianRule(0.2, 0.05));
        Map<String, Object> json = Json.parseObject(record.canonicalJson());
        @SuppressWarnings("unchecked")
        WeightRule again = WeightRule.fromJson((String) json.get("rule"), (Map<String, Object>) json.get("rule_settings"));
        assertEquals(record.canonicalJson(), Tally.run(ballots, menu, again).canonicalJson());
    }

    @Test
    void degenerateProfilesHaveDocumentedResults() {
        // One objective: every rule returns weight 1 on it.
        ObjectiveMenu one = ObjectiveMenu.of("relevance");
        List<WeightBallot> ballots = List.of(WeightBallot.ofPoints("a", Map.of("relevance", 100)));
        for (String id : WeightRule.IDS) {
            assertEquals(Map.of("relevance", 1.0), Tally.run(ballots, one, WeightRule.byId(id)).weights(), id);
        }
        // Empty profile and rows off the simplex are errors for every rule, never NaN.
        for (String id : WeightRule.IDS) {
            WeightRule rule = WeightRule.byId(id);
            assertThrows(IllegalArgumentException.class, () -> rule.aggregate(new double[0][]), id);
            assertThrows(IllegalArgumentException.class, () -> rule.aggregate(new double[][]{{0.5, 0.4}}), id);
            assertThrows(IllegalArgumentException.class, () -> rule.aggregate(new double[][]{{Double.NaN, 1}}), id);
            assertThrows(IllegalArgumentException.class, () -> rule.aggregate(new double[][]{{1, 0}}, new double[]{1, 1}), id);
        }
    }
}
