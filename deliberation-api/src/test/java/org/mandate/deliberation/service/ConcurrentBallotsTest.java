package org.mandate.deliberation.service;

import org.junit.jupiter.api.Test;
import org.mandate.audit.ledger.ChainVerification;
import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.deliberation.EmbeddedDatabase;
import org.mandate.deliberation.SeatedPanel;
import org.mandate.deliberation.http.ApiServer;
import org.mandate.deliberation.http.RateLimiter;
import org.mandate.deliberation.ledger.LedgerStore;
import org.mandate.objectives.json.Json;
import org.mandate.objectives.ballot.BallotRejected;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConcurrentBallotsTest extends EmbeddedDatabase {

    private static final int VOTERS = 100;
    /** Ballots each member sends over HTTP in the re-submission race: one ballot, then revisions. */
    private static final int VERSIONS = 4;

    /** Runs every task at once (released together) and returns their outcomes: a Receipt or the exception. */
    private static List<Object> race(List<Callable<Receipt>> tasks) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(tasks.size())) {
            List<Future<Receipt>> futures = new ArrayList<>();
            for (Callable<Receipt> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Receipt> f : futures) {
                try {
                    outcomes.add(f.get());
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
            return outcomes;
        }
    }

    @Test
    void concurrentVotersAreEachStoredOnceAndTheChainDoesNotFork() throws Exception {
        BallotService ballots = new BallotService(jdbi);
        LedgerStore ledger = new LedgerStore(jdbi);
        SeatedPanel panel = SeatedPanel.create(jdbi, "crowd", List.of("relevance", "novelty", "provider_fairness"), "independent_markets", false, VOTERS);
        panel.moveTo(Phase.VOTE);
        long id = panel.id();
        List<Session> sessions = panel.members();

        List<Callable<Receipt>> tasks = new ArrayList<>();
        for (int i = 0; i < VOTERS; i++) {
            Session s = sessions.get(i);
            int r = i % 101;
            tasks.add(() -> ballots.submit(id, s.token(), Map.of("relevance", r, "novelty", 100 - r)));
            // unrelated appends race with the ballots for the same chain head
            if (i % 10 == 0) tasks.add(() -> { ledger.append("note", "{\"i\":" + r + "}"); return null; });
        }
        List<Object> outcomes = race(tasks);
        Set<String> receipts = new HashSet<>();
        for (Object o : outcomes) {
            if (o instanceof Throwable t) throw new AssertionError("a submission failed", t);
            if (o instanceof Receipt r) receipts.add(r.receipt());
        }
        assertEquals(VOTERS, receipts.size());
        assertEquals(VOTERS, ballots.ballotCount(id));
        long distinctVoters = jdbi.withHandle(h -> h.createQuery("SELECT count(DISTINCT member_id) FROM ballots WHERE panel_id = :p").bind("p", id).mapTo(Long.class).one());
        assertEquals(VOTERS, distinctVoters);

        List<LedgerEntry> entries = ledger.entries();
        ChainVerification verification = ledger.verify();
        assertTrue(verification.ok(), verification.reason());
        assertEquals(entries.size(), verification.entries());
        assertEquals(entries.size(), entries.stream().map(LedgerEntry::prevHash).distinct().count(), "no two entries share a predecessor");
        for (String receipt : receipts) assertTrue(ledger.findReceipt(receipt).isPresent());
        assertEquals(VOTERS, entries.stream().filter(e -> e.kind().equals("ballot"))
                .filter(e -> ((Number) org.mandate.objectives.json.Json.parseObject(e.payload()).get("panel")).longValue() == id).count());
    }

    @Test
    void hundredMembersSubmittingAndResubmittingOverHttpLoseNothingAndCountOnlyTheLatest() throws Exception {
        SeatedPanel panel = SeatedPanel.create(jdbi, "http crowd", List.of("relevance", "novelty"), "mean", true, VOTERS);
        panel.moveTo(Phase.VOTE);
        long id = panel.id();
        List<Session> sessions = panel.members();
        LedgerStore ledger = new LedgerStore(jdbi);

        try (ApiServer server = new ApiServer(jdbi, new RateLimiter(100_000, 100_000)).start("127.0.0.1", 0)) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String url = "http://127.0.0.1:" + server.port() + "/api/panels/" + id + "/ballots";
            // Each member sends VERSIONS ballots one after the other; all members at once. Member i's
            // k-th ballot puts 10·k + i % 10 points on relevance, so every accepted ballot is recognisable.
            List<Callable<List<Map<String, Object>>>> tasks = new ArrayList<>();
            for (int i = 0; i < VOTERS; i++) {
                Session s = sessions.get(i);
                int member = i;
                tasks.add(() -> {
                    List<Map<String, Object>> answers = new ArrayList<>();
                    for (int k = 1; k <= VERSIONS; k++) {
                        int r = 10 * k + member % 10;
                        HttpResponse<String> res = client.send(HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", "Bearer " + s.token()).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"points\":{\"relevance\":" + r + ",\"novelty\":" + (100 - r) + "}}"))
                                .build(), HttpResponse.BodyHandlers.ofString());
                        if (res.statusCode() != 201) throw new AssertionError("member " + member + " ballot " + k + ": " + res.statusCode() + " " + res.body());
                        answers.add(Json.parseObject(res.body()));
                    }
                    return answers;
                });
            }
            CountDownLatch start = new CountDownLatch(1);
            List<List<Map<String, Object>>> answers = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(VOTERS)) {
                List<Future<List<Map<String, Object>>>> futures = new ArrayList<>();
                for (var task : tasks) futures.add(pool.submit(() -> { start.await(); return task.call(); }));
                start.countDown();
                for (var f : futures) answers.add(f.get());
            }

            Set<String> receipts = new HashSet<>();
            Map<String, String> latestReceipt = new HashMap<>();
            for (int i = 0; i < VOTERS; i++) {
                List<Map<String, Object>> mine = answers.get(i);
                for (int k = 1; k <= VERSIONS; k++) {
                    Map<String, Object> a = mine.get(k - 1);
                    assertEquals(k, ((Number) a.get("version")).intValue(), "a member's versions follow their submissions");
                    assertTrue(receipts.add((String) a.get("receipt")), "every receipt is distinct");
                }
                latestReceipt.put(sessions.get(i).member().voterId(), (String) mine.getLast().get("receipt"));
            }
            assertEquals(VOTERS * VERSIONS, receipts.size());
            // every accepted ballot is in the database and in the ledger, exactly once, and nothing else is
            assertEquals(VOTERS * VERSIONS, new BallotService(jdbi).ballotCount(id));
            List<LedgerEntry> entries = ledger.entries();
            List<String> ledgered = entries.stream().filter(e -> e.kind().equals("ballot"))
                    .map(e -> Json.parseObject(e.payload()))
                    .filter(p -> ((Number) p.get("panel")).longValue() == id)
                    .map(p -> (String) p.get("receipt")).toList();
            assertEquals(VOTERS * VERSIONS, ledgered.size());
            assertEquals(receipts, new HashSet<>(ledgered));
            for (String r : receipts) assertTrue(ledger.findReceipt(r).isPresent(), r);
            ChainVerification verification = ledger.verify();
            assertTrue(verification.ok(), verification.reason());
            assertEquals(entries.size(), entries.stream().map(LedgerEntry::prevHash).distinct().count(), "no two entries share a predecessor");

            // exactly one counted ballot per member: the latest
            BallotService ballots = new BallotService(jdbi);
            for (Map.Entry<String, String> e : latestReceipt.entrySet()) {
                assertTrue(ballots.findByReceipt(e.getValue()).orElseThrow().counts(), "the latest ballot of " + e.getKey() + " counts");
            }
            long counted = receipts.stream().filter(r -> ballots.findByReceipt(r).orElseThrow().counts()).count();
            assertEquals(VOTERS, counted);
            TallyOutcome outcome = new TallyService(jdbi).tally(id, panel.organiser());
            assertEquals(VOTERS, outcome.tally().ballotCount());
            double expected = 0;
            for (int i = 0; i < VOTERS; i++) expected += (10 * VERSIONS + i % 10) / 100.0 / VOTERS;
            assertEquals(expected, outcome.tally().weights().get("relevance"), 1e-9);
        }
    }

    @Test
    void oneMemberRacingWithHimselfGetsExactlyOneBallotCounted() throws Exception {
        BallotService ballots = new BallotService(jdbi);
        SeatedPanel panel = SeatedPanel.create(jdbi, "double", List.of("relevance", "novelty"), "mean", false, 1);
        panel.moveTo(Phase.VOTE);
        long id = panel.id();
        Session s = panel.members().getFirst();

        List<Callable<Receipt>> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) tasks.add(() -> ballots.submit(id, s.token(), Map.of("relevance", 50, "novelty", 50)));
        List<Object> outcomes = race(tasks);
        long accepted = outcomes.stream().filter(o -> o instanceof Receipt).count();
        assertEquals(1, accepted);
        for (Object o : outcomes) {
            if (o instanceof Receipt) continue;
            assertEquals(BallotRejected.Reason.ALREADY_VOTED, assertInstanceOf(BallotRejected.class, o).reason());
        }
        assertEquals(1, ballots.ballotCount(id));
        assertTrue(new LedgerStore(jdbi).verify().ok());
    }

    @Test
    void oneMemberRevisingConcurrentlyGetsConsecutiveVersions() throws Exception {
        BallotService ballots = new BallotService(jdbi);
        SeatedPanel panel = SeatedPanel.create(jdbi, "revise", List.of("relevance", "novelty"), "mean", true, 1);
        panel.moveTo(Phase.VOTE);
        long id = panel.id();
        Session s = panel.members().getFirst();

        List<Callable<Receipt>> tasks = new ArrayList<>();
        for (int i = 0; i < 15; i++) tasks.add(() -> ballots.submit(id, s.token(), Map.of("relevance", 50, "novelty", 50)));
        List<Object> outcomes = race(tasks);
        Set<Integer> versions = new HashSet<>();
        for (Object o : outcomes) versions.add(assertInstanceOf(Receipt.class, o).version());
        assertEquals(15, versions.size());
        assertEquals(Set.copyOf(java.util.stream.IntStream.rangeClosed(1, 15).boxed().toList()), versions);
    }
}
