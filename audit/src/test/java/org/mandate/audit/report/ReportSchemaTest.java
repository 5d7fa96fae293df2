package org.mandate.audit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mandate.audit.ledger.Fixtures;
import org.mandate.audit.ledger.HashChain;
import org.mandate.audit.ledger.LedgerEntry;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The published report.schema.json describes every report.json the writer produces, and refuses what it should. */
class ReportSchemaTest {

    static final ObjectMapper MAPPER = new ObjectMapper();

    static JsonSchema schema() throws Exception {
        try (InputStream in = ReportSchemaTest.class.getResourceAsStream("/report.schema.json")) {
            assertNotNull(in, "report.schema.json is on the classpath (published in the audit jar)");
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    static Set<ValidationMessage> validate(JsonNode report) throws Exception {
        return schema().validate(report);
    }

    static JsonNode written(ReportInput in, Path dir) throws Exception {
        return MAPPER.readTree(Files.readString(ReportWriter.write(in, dir).reportJson()));
    }

    @Test
    void theReportOfTwoRunsIsValid(@TempDir Path dir) throws Exception {
        Set<ValidationMessage> errors = validate(written(ReportFixtures.input("Two runs"), dir));
        assertTrue(errors.isEmpty(), errors::toString);
    }

    @Test
    void aSingleRunReportAndABrokenLedgerReportAreValid(@TempDir Path dir) throws Exception {
        ReportInput in = ReportFixtures.input("Baseline only");
        in = new ReportInput(in.title(), in.generatedAt(), in.panel(), in.tally(), in.mandate(), in.runs().subList(0, 1), in.ledger());
        Set<ValidationMessage> single = validate(written(in, dir.resolve("single")));
        assertTrue(single.isEmpty(), single::toString);

        List<LedgerEntry> entries = new ArrayList<>(Fixtures.ledger().entries());
        LedgerEntry e = entries.get(4);
        entries.set(4, new LedgerEntry(e.seq(), e.kind(), e.payload().replace("\"version\":1", "\"version\":3"), e.prevHash(), e.hash()));
        ReportInput full = ReportFixtures.input("Broken");
        ReportInput broken = new ReportInput(full.title(), full.generatedAt(), full.panel(), null, full.mandate(), full.runs(),
                LedgerSummary.of(HashChain.verify(entries), entries.size()));
        JsonNode report = written(broken, dir.resolve("broken"));
        assertTrue(report.get("ledger").get("head_hash").isNull(), "a broken chain has no head: the null branch is exercised");
        Set<ValidationMessage> errors = validate(report);
        assertTrue(errors.isEmpty(), errors::toString);
    }

    @Test
    void theSchemaRefusesAReportWithAMissingFieldABadHashOrAnUnknownField(@TempDir Path dir) throws Exception {
        JsonNode good = written(ReportFixtures.input("Two runs"), dir);

        ObjectNode missing = good.deepCopy();
        missing.remove("ledger");
        assertFalse(validate(missing).isEmpty(), "ledger is required");

        ObjectNode badHash = good.deepCopy();
        ((ObjectNode) badHash.get("mandate")).put("hash", "ABC");
        assertFalse(validate(badHash).isEmpty(), "a hash is 64 lower-case hex digits");

        ObjectNode extra = good.deepCopy();
        extra.put("surprise", true);
        assertFalse(validate(extra).isEmpty(), "no undeclared top-level field");

        ObjectNode weight = good.deepCopy();
        ((ObjectNode) weight.get("objectives").get(0)).put("weight", 1.5);
        assertFalse(validate(weight).isEmpty(), "weights lie in [0, 1]");
    }
}
