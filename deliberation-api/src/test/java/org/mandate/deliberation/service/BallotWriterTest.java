package org.mandate.deliberation.service;

import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.mandate.deliberation.EmbeddedDatabase;
import org.mandate.deliberation.SeatedPanel;
import org.mandate.deliberation.ledger.LedgerStore;
import org.mandate.objectives.ballot.WeightBallot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Group commit: ballots queued together share a transaction, and one that breaks it does not sink the others. */
class BallotWriterTest extends EmbeddedDatabase {

    @Test
    void aBallotThatBreaksItsBatchIsRetriedAloneAndTheOthersAreRecorded() throws Exception {
        SeatedPanel panel = SeatedPanel.create(jdbi, "batch", List.of("relevance", "novelty"), "mean", true, 11);
        panel.moveTo(Phase.VOTE);
        long id = panel.id();
        List<Session> sessions = panel.members();
        BallotService ballots = new BallotService(jdbi);
        BallotWriter writer = ballots.writer();
        BallotContent content = BallotContent.weights(WeightBallot.ofPoints("x", Map.of("relevance", 50, "novelty", 50)));

        List<Future<Receipt>> good = new ArrayList<>();
        Future<Receipt> bad;
        try (ExecutorService pool = Executors.newCachedThreadPool(); Handle blocker = jdbi.open()) {
            // Hold the ledger lock so that the writer's first batch (the plug) waits, and everything sent
            // meanwhile queues up into the next batch together.
            blocker.begin();
            blocker.execute("LOCK TABLE ledger IN EXCLUSIVE MODE");
            Future<Receipt> plug = pool.submit(() -> ballots.submit(id, sessions.get(10).token(), Map.of("relevance", 50, "novelty", 50)));
            Thread.sleep(500);
            for (int i = 0; i < 10; i++) {
                Session s = sessions.get(i);
                good.add(pool.submit(() -> writer.write(id, s.member().id(), s.member().voterId(), content)));
            }
            // a seat that does not exist: its ballot row violates the members foreign key inside the batch
            bad = pool.submit(() -> writer.write(id, Long.MAX_VALUE / 2, "v-ghost0000000000000", content));
            Thread.sleep(500);
            blocker.rollback();
            assertEquals(1, plug.get().version());
            for (Future<Receipt> f : good) assertEquals(1, f.get().version());
            Exception e = assertThrows(java.util.concurrent.ExecutionException.class, bad::get);
            assertInstanceOf(RuntimeException.class, e.getCause());
        }
        assertEquals(1, writer.retriedBatches(), "the batch with the broken ballot was retried ballot by ballot");
        assertEquals(11, ballots.ballotCount(id));
        LedgerStore ledger = new LedgerStore(jdbi);
        assertTrue(ledger.verify().ok());
        for (Future<Receipt> f : good) assertTrue(ledger.findReceipt(f.get().receipt()).isPresent());
        assertEquals(11, ledger.entries().stream().filter(en -> en.kind().equals("ballot")).count(), "the broken ballot left no ledger entry");
    }
}
