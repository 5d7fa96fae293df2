// Load generator for POST /api/panels/{id}/ballots. JDK only: run it as `java BallotLoad.java <command> ...`.
//
//   load    seat a panel (allow_revision) with N members over HTTP, open voting, then a warm-up and a timed
//           phase of M submissions at concurrency C (closed loop, members round-robin, each submission a
//           revised ballot); prints throughput, latency percentiles and errors by status, and writes every
//           accepted receipt to --receipts.
//   verify  reads --receipts and checks GET /api/ledger: the chain verifies, and every accepted receipt is
//           in the ledger exactly once as a ballot entry of that panel, and nothing else is.
//
// Bounded: every loop stops after a fixed count or a deadline, whichever comes first; every request has
// a timeout. It only talks to the --base URL it is given (run.sh passes a loopback address).

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

public class BallotLoad {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    static final List<String> OBJECTIVES = List.of("relevance", "novelty", "provider_fairness");

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0) usage();
        Map<String, String> a = options(Arrays.copyOfRange(argv, 1, argv.length));
        switch (argv[0]) {
            case "load" -> load(a);
            case "verify" -> System.exit(verify(a) ? 0 : 1);
            default -> usage();
        }
    }

    static void usage() {
        System.err.println("""
                usage: java BallotLoad.java load   --base URL [--members 200] [--warmup 2000] [--submissions 20000]
                                                   [--concurrency 16] [--max-seconds 120] [--receipts FILE]
                                                   [--baseline 0] [--server-pid PID] [--pg-pid PID] [--client raw|jdk]
                       java BallotLoad.java verify --base URL --receipts FILE""");
        System.exit(2);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) usage();
            m.put(args[i].substring(2), args[++i]);
        }
        return m;
    }

    static int intOpt(Map<String, String> a, String k, int d) {
        return a.containsKey(k) ? Integer.parseInt(a.get(k)) : d;
    }

    // ---- HTTP ------------------------------------------------------------------------------------

    static HttpClient client;
    static String base;

    record Reply(int status, String body, Map<String, List<String>> headers) {}

    static Reply call(String method, String path, String token, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT);
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (json != null) b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        else b.method(method, HttpRequest.BodyPublishers.noBody());
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body(), r.headers().map());
    }

    /** A setup call: retried after Retry-After on 429 (setup calls are anonymous and share one bucket), bounded. */
    static Map<String, Object> setupCall(String method, String path, String token, String json, int expect) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            Reply r = call(method, path, token, json);
            if (r.status == expect) return obj(Json.parse(r.body));
            if (r.status == 429 && System.nanoTime() < deadline) {
                long wait = r.headers.getOrDefault("retry-after", List.of("1")).stream().findFirst().map(Long::parseLong).orElse(1L);
                Thread.sleep(Math.min(wait, 5) * 1000);
                continue;
            }
            throw new IllegalStateException(method + " " + path + " answered " + r.status + ": " + r.body);
        }
    }

    /**
     * A minimal HTTP/1.1 keep-alive client on one socket, for the timed phases: the JDK HttpClient costs
     * the generator about as much CPU per request as the server spends, and on 2 shared cores every
     * millisecond the generator burns is taken from the server. One connection per worker, so requests on
     * it are strictly sequential (closed loop). Only what the API answers is understood: a status line,
     * headers with Content-Length, a body.
     */
    static final class RawHttp implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final String host;

        RawHttp(URI base) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) REQUEST_TIMEOUT.toMillis());
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            host = base.getHost() + ":" + base.getPort();
        }

        Reply send(String method, String path, String token, String json) throws IOException {
            byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
            StringBuilder h = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ").append(host).append("\r\n");
            if (token != null) h.append("Authorization: Bearer ").append(token).append("\r\n");
            if (json != null) h.append("Content-Type: application/json\r\n");
            h.append("Content-Length: ").append(body.length).append("\r\n\r\n");
            out.write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            String status = line();
            if (!status.startsWith("HTTP/1.1 ")) throw new IOException("not an HTTP/1.1 answer: " + status);
            int code = Integer.parseInt(status.substring(9, 12));
            int length = -1;
            Map<String, List<String>> headers = new HashMap<>();
            for (String l = line(); !l.isEmpty(); l = line()) {
                int colon = l.indexOf(':');
                String name = l.substring(0, colon).trim().toLowerCase(Locale.ROOT), value = l.substring(colon + 1).trim();
                headers.put(name, List.of(value));
                if (name.equals("content-length")) length = Integer.parseInt(value);
                if (name.equals("transfer-encoding")) throw new IOException("chunked answers are not supported by this client");
            }
            if (length < 0) throw new IOException("answer without Content-Length");
            byte[] b = in.readNBytes(length);
            if (b.length != length) throw new IOException("connection closed mid-answer");
            return new Reply(code, new String(b, StandardCharsets.UTF_8), headers);
        }

        private String line() throws IOException {
            StringBuilder b = new StringBuilder(64);
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    int n = b.length();
                    if (n > 0 && b.charAt(n - 1) == '\r') b.setLength(n - 1);
                    return b.toString();
                }
                b.append((char) c);
            }
            throw new IOException("connection closed");
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** Each worker thread's own connection. */
    static final ThreadLocal<RawHttp> RAW = new ThreadLocal<>();
    static volatile boolean rawClient = true;

    /** A timed call: over this worker's raw connection (reopened after a failure), or the JDK client with --client jdk. */
    static Reply timedCall(String method, String path, String token, String json) throws IOException, InterruptedException {
        if (!rawClient) return call(method, path, token, json);
        RawHttp c = RAW.get();
        if (c == null) {
            c = new RawHttp(URI.create(base));
            RAW.set(c);
        }
        try {
            return c.send(method, path, token, json);
        } catch (IOException e) {
            RAW.remove();
            c.close();
            throw e;
        }
    }

    static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    // ---- load ------------------------------------------------------------------------------------

    record Seat(String voter, String token) {}

    /** What one phase measured. */
    static final class Phase {
        final String name;
        final long[] latencyNanos;
        final AtomicInteger recorded = new AtomicInteger();
        final LongAdder ok = new LongAdder();
        final ConcurrentHashMap<String, LongAdder> errors = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<String> receipts = new ConcurrentLinkedQueue<>();
        final ConcurrentHashMap<String, String> firstErrorBody = new ConcurrentHashMap<>();
        long elapsedNanos;
        int attempted;
        boolean hitDeadline;

        Phase(String name, int max) {
            this.name = name;
            this.latencyNanos = new long[max];
        }
    }

    static void load(Map<String, String> a) throws Exception {
        base = req(a, "base");
        int members = intOpt(a, "members", 200);
        int warmup = intOpt(a, "warmup", 2000);
        int submissions = intOpt(a, "submissions", 20000);
        int concurrency = intOpt(a, "concurrency", 16);
        int maxSeconds = intOpt(a, "max-seconds", 120);
        int baseline = intOpt(a, "baseline", 0);
        Path receiptsFile = a.containsKey("receipts") ? Path.of(a.get("receipts")) : null;
        long serverPid = a.containsKey("server-pid") ? Long.parseLong(a.get("server-pid")) : -1;
        long pgPid = a.containsKey("pg-pid") ? Long.parseLong(a.get("pg-pid")) : -1;
        rawClient = !"jdk".equals(a.getOrDefault("client", "raw"));
        client = newClient();

        // Setup, not timed: panel, invitations, joins, phase vote.
        long t0 = System.nanoTime();
        Map<String, Object> created = setupCall("POST", "/api/panels", null,
                "{\"name\":\"ballot load " + Instant.now() + "\",\"objectives\":[\"relevance\",\"novelty\",\"provider_fairness\"],"
                        + "\"rule\":\"independent_markets\",\"allow_revision\":true}", 201);
        long panel = ((Number) obj(created.get("panel")).get("id")).longValue();
        String organiser = (String) created.get("organiser_token");
        List<String> invitations = new ArrayList<>();
        for (int left = members; left > 0; left -= 10_000) {
            Map<String, Object> inv = setupCall("POST", "/api/panels/" + panel + "/invitations", organiser, "{\"count\":" + Math.min(left, 10_000) + "}", 201);
            for (Object t : (List<?>) inv.get("invitations")) invitations.add((String) t);
        }
        List<Seat> seats = new ArrayList<>();
        for (String inv : invitations) {
            Map<String, Object> joined = setupCall("POST", "/api/join", null, "{\"token\":\"" + inv + "\"}", 201);
            seats.add(new Seat((String) joined.get("voter_id"), (String) joined.get("session_token")));
        }
        setupCall("POST", "/api/panels/" + panel + "/phase", organiser, "{\"phase\":\"vote\"}", 200);
        System.out.printf(Locale.ROOT, "setup: panel %d, %d members seated and voting open in %.1f s%n", panel, seats.size(), (System.nanoTime() - t0) / 1e9);

        Seat[] seatArray = seats.toArray(Seat[]::new);
        String path = "/api/panels/" + panel + "/ballots";
        AtomicInteger nextSeat = new AtomicInteger();

        Phase warm = run("warm-up", warmup, concurrency, Math.max(30, maxSeconds / 2), () -> ballot(path, seatArray[Math.floorMod(nextSeat.getAndIncrement(), seatArray.length)]));
        report(warm, null);

        CpuSample before = CpuSample.take(serverPid, pgPid);
        Phase timed = run("timed", submissions, concurrency, maxSeconds, () -> ballot(path, seatArray[Math.floorMod(nextSeat.getAndIncrement(), seatArray.length)]));
        report(timed, CpuSample.diff(before, CpuSample.take(serverPid, pgPid), timed));

        if (baseline > 0) {
            // The same concurrency on GET /api/me: the per-request floor (a new database connection, one indexed query), no ledger lock.
            CpuSample meBefore = CpuSample.take(serverPid, pgPid);
            Phase me = run("baseline GET /api/me", baseline, concurrency, Math.max(30, maxSeconds / 2), () -> {
                Seat s = seatArray[Math.floorMod(nextSeat.getAndIncrement(), seatArray.length)];
                return timedCall("GET", "/api/me", s.token, null);
            });
            report(me, CpuSample.diff(meBefore, CpuSample.take(serverPid, pgPid), me));
        }

        if (receiptsFile != null) {
            List<String> lines = new ArrayList<>();
            lines.add("panel " + panel);
            lines.addAll(warm.receipts);
            lines.addAll(timed.receipts);
            Files.write(receiptsFile, lines);
            System.out.printf(Locale.ROOT, "wrote %d accepted receipts (warm-up + timed) to %s%n", lines.size() - 1, receiptsFile);
        }
    }

    static Reply ballot(String path, Seat s) throws Exception {
        int r = ThreadLocalRandom.current().nextInt(101);
        int n = ThreadLocalRandom.current().nextInt(101 - r);
        return timedCall("POST", path, s.token, "{\"points\":{\"relevance\":" + r + ",\"novelty\":" + n + ",\"provider_fairness\":" + (100 - r - n) + "}}");
    }

    interface Request {
        Reply send() throws Exception;
    }

    /** A closed loop: {@code concurrency} virtual threads take request numbers until {@code max} or the deadline. */
    static Phase run(String name, int max, int concurrency, int maxSeconds, Request request) throws InterruptedException {
        Phase p = new Phase(name, max);
        if (max == 0) return p;
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(maxSeconds);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < concurrency; w++) {
                pool.submit(() -> {
                    try {
                    while (System.nanoTime() < deadline) {
                        int i = next.getAndIncrement();
                        if (i >= max) return;
                        long t = System.nanoTime();
                        String outcome;
                        Reply r = null;
                        try {
                            r = request.send();
                            outcome = String.valueOf(r.status);
                        } catch (Exception e) {
                            outcome = e.getClass().getSimpleName();
                        }
                        long dt = System.nanoTime() - t;
                        p.latencyNanos[p.recorded.getAndIncrement()] = dt;
                        if (r != null && (r.status == 201 || r.status == 200)) {
                            p.ok.increment();
                            if (r.status == 201) p.receipts.add((String) obj(Json.parse(r.body)).get("receipt"));
                        } else {
                            p.errors.computeIfAbsent(outcome, k -> new LongAdder()).increment();
                            if (r != null) p.firstErrorBody.putIfAbsent(outcome, r.body);
                        }
                    }
                    } finally {
                        RawHttp c = RAW.get();
                        RAW.remove();
                        if (c != null) try { c.close(); } catch (IOException ignored) { }
                    }
                });
            }
        }
        p.elapsedNanos = System.nanoTime() - start;
        p.attempted = p.recorded.get();
        p.hitDeadline = p.attempted < max;
        return p;
    }

    static void report(Phase p, String cpu) {
        long[] lat = Arrays.copyOf(p.latencyNanos, p.attempted);
        Arrays.sort(lat);
        double secs = p.elapsedNanos / 1e9;
        System.out.printf(Locale.ROOT, "%s: %d requests in %.2f s%s%n", p.name, p.attempted, secs, p.hitDeadline ? " (stopped at the deadline)" : "");
        if (lat.length == 0) return;
        System.out.printf(Locale.ROOT, "  throughput: %.0f accepted/s (%.0f requests/s)%n", p.ok.sum() / secs, p.attempted / secs);
        System.out.printf(Locale.ROOT, "  latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f  mean %.1f%n",
                pct(lat, 50), pct(lat, 95), pct(lat, 99), lat[lat.length - 1] / 1e6, Arrays.stream(lat).average().orElse(0) / 1e6);
        TreeMap<String, Long> errs = new TreeMap<>();
        p.errors.forEach((k, v) -> errs.put(k, v.sum()));
        System.out.println("  accepted: " + p.ok.sum() + ", errors by status: " + (errs.isEmpty() ? "none" : errs));
        p.firstErrorBody.forEach((k, v) -> System.out.println("  first " + k + " body: " + (v.length() > 300 ? v.substring(0, 300) + "..." : v)));
        if (cpu != null) System.out.println("  cpu: " + cpu);
        System.out.printf(Locale.ROOT, "  RESULT %s | %.0f/s | p50 %.1f | p95 %.1f | p99 %.1f | max %.1f | errors %s%n", p.name,
                p.ok.sum() / secs, pct(lat, 50), pct(lat, 95), pct(lat, 99), lat[lat.length - 1] / 1e6, errs.isEmpty() ? "0" : errs);
    }

    static double pct(long[] sorted, double q) {
        int i = (int) Math.ceil(q / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /** CPU time of the server JVM, PostgreSQL (postmaster + reaped backends), this process, and the whole machine. */
    record CpuSample(long serverTicks, long pgTicks, long selfNanos, long[] machine) {
        static long ticks(long pid, boolean withChildren) {
            if (pid <= 0) return -1;
            try {
                String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
                // fields from 3 on: utime is field 14 (index 11 here), stime 15, cutime 16, cstime 17
                long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                if (withChildren) t += Long.parseLong(f[13]) + Long.parseLong(f[14]);
                return t;
            } catch (Exception e) {
                return -1;
            }
        }

        /** PostgreSQL work: the postmaster's own and its exited children's time, plus its live children's. */
        static long pgTicks(long pgPid) {
            if (pgPid <= 0) return -1;
            long t = ticks(pgPid, true);
            try (var kids = Files.list(Path.of("/proc"))) {
                for (Path d : (Iterable<Path>) kids::iterator) {
                    String n = d.getFileName().toString();
                    if (!n.chars().allMatch(Character::isDigit)) continue;
                    try {
                        String s = Files.readString(d.resolve("stat"));
                        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
                        if (Long.parseLong(f[1]) == pgPid) t += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    } catch (Exception ignored) {
                        // the process ended meanwhile
                    }
                }
            } catch (IOException e) {
                return -1;
            }
            return t;
        }

        static long[] machineTicks() {
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < f.length; i++) total += Long.parseLong(f[i]);
                long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
                return new long[] {total, idle};
            } catch (Exception e) {
                return new long[] {0, 0};
            }
        }

        static CpuSample take(long serverPid, long pgPid) {
            long self = ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
            return new CpuSample(ticks(serverPid, false), pgTicks(pgPid), self, machineTicks());
        }

        /** In cores busy on average over the phase (2.0 = both cores of a 2-core machine). */
        /**
         * Cores busy on average over the phase (2.00 = both cores of a 2-core machine) and CPU milliseconds per
         * request: the second does not depend much on what else runs on the machine, so 1000 / (ms per
         * request) / cores is the ceiling this code could reach on idle cores.
         */
        static String diff(CpuSample a, CpuSample b, Phase p) {
            long wallNanos = p.elapsedNanos;
            double wallTicks = wallNanos / 1e9 * 100; // USER_HZ is 100 on Linux x86_64
            double n = Math.max(1, p.attempted);
            StringBuilder s = new StringBuilder();
            double perRequest = 0;
            if (a.serverTicks >= 0 && b.serverTicks >= 0) {
                long t = b.serverTicks - a.serverTicks;
                perRequest += t * 10 / n;
                s.append(String.format(Locale.ROOT, "server JVM %.2f cores (%.2f ms/request), ", t / wallTicks, t * 10 / n));
            }
            if (a.pgTicks >= 0 && b.pgTicks >= 0) {
                long t = b.pgTicks - a.pgTicks;
                perRequest += t * 10 / n;
                s.append(String.format(Locale.ROOT, "PostgreSQL %.2f cores (%.2f ms/request), ", t / wallTicks, t * 10 / n));
            }
            if (a.selfNanos >= 0 && b.selfNanos >= 0) {
                long t = b.selfNanos - a.selfNanos;
                perRequest += t / 1e6 / n;
                s.append(String.format(Locale.ROOT, "load generator %.2f cores (%.2f ms/request), ", t / (double) wallNanos, t / 1e6 / n));
            }
            long total = b.machine[0] - a.machine[0], idle = b.machine[1] - a.machine[1];
            int cores = Runtime.getRuntime().availableProcessors();
            if (total > 0) s.append(String.format(Locale.ROOT, "whole machine %.0f%% busy (%d cores)", 100.0 * (total - idle) / total, cores));
            if (perRequest > 0) s.append(String.format(Locale.ROOT, "; server + PostgreSQL + generator CPU %.2f ms/request -> CPU-bound ceiling ~%.0f requests/s on %d idle cores",
                    perRequest, 1000.0 / perRequest * cores, cores));
            return s.toString();
        }
    }

    // ---- verify ----------------------------------------------------------------------------------

    static boolean verify(Map<String, String> a) throws Exception {
        base = req(a, "base");
        client = newClient();
        List<String> lines = Files.readAllLines(Path.of(req(a, "receipts")));
        long panel = Long.parseLong(lines.get(0).substring("panel ".length()).trim());
        List<String> accepted = lines.subList(1, lines.size());
        Reply r = call("GET", "/api/ledger", null, null);
        if (r.status != 200) throw new IllegalStateException("GET /api/ledger answered " + r.status + ": " + r.body);
        Map<String, Object> ledger = obj(Json.parse(r.body));
        Map<String, Object> v = obj(ledger.get("verification"));
        List<?> entries = (List<?>) ledger.get("entries");

        Map<String, Integer> inLedger = new HashMap<>();
        Map<String, List<Long>> versionsByVoter = new HashMap<>();
        int ballotEntries = 0;
        for (Object o : entries) {
            Map<String, Object> e = obj(o);
            if (!"ballot".equals(e.get("kind"))) continue;
            Map<String, Object> payload = obj(Json.parse((String) e.get("payload")));
            if (((Number) payload.get("panel")).longValue() != panel) continue;
            ballotEntries++;
            inLedger.merge((String) payload.get("receipt"), 1, Integer::sum);
            versionsByVoter.computeIfAbsent((String) payload.get("voter"), k -> new ArrayList<>()).add(((Number) payload.get("version")).longValue());
        }
        int missing = 0, duplicated = 0, acceptedTwice = 0;
        Map<String, Integer> acceptedCount = new HashMap<>();
        for (String rc : accepted) acceptedCount.merge(rc, 1, Integer::sum);
        for (var e : acceptedCount.entrySet()) {
            if (e.getValue() > 1) acceptedTwice++;
            Integer n = inLedger.get(e.getKey());
            if (n == null) missing++;
            else if (n > 1) duplicated++;
        }
        int unacknowledged = 0;
        for (String rc : inLedger.keySet()) if (!acceptedCount.containsKey(rc)) unacknowledged++;
        int badVersions = 0;
        for (List<Long> vs : versionsByVoter.values()) {
            vs.sort(null);
            for (int i = 0; i < vs.size(); i++) if (vs.get(i) != i + 1) { badVersions++; break; }
        }
        boolean ok = Boolean.TRUE.equals(v.get("ok")) && missing == 0 && duplicated == 0 && acceptedTwice == 0
                && unacknowledged == 0 && badVersions == 0 && ballotEntries == accepted.size();
        System.out.printf(Locale.ROOT, "verify: ledger %d entries, chain ok=%s; panel %d: %d accepted receipts, %d ballot entries, "
                        + "%d voters; missing %d, stored more than once %d, receipt answered twice %d, in ledger but never acknowledged %d, "
                        + "voters with a version gap %d -> %s%n",
                entries.size(), v.get("ok"), panel, accepted.size(), ballotEntries, versionsByVoter.size(), missing, duplicated,
                acceptedTwice, unacknowledged, badVersions, ok ? "PASS" : "FAIL");
        return ok;
    }

    static String req(Map<String, String> a, String k) {
        String v = a.get(k);
        if (v == null) usage();
        return v;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> obj(Object o) {
        return (Map<String, Object>) o;
    }

    /** A minimal JSON reader (objects, arrays, strings, numbers, booleans, null): enough for the API's answers. */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String s) {
            Json j = new Json(s);
            Object v = j.value();
            j.ws();
            if (j.i != s.length()) throw j.error("trailing characters");
            return v;
        }

        private Object value() {
            ws();
            if (i >= s.length()) throw error("unexpected end");
            char c = s.charAt(i);
            switch (c) {
                case '{': {
                    i++;
                    Map<String, Object> m = new LinkedHashMap<>();
                    ws();
                    if (peek('}')) { i++; return m; }
                    while (true) {
                        ws();
                        String k = string();
                        ws();
                        expect(':');
                        m.put(k, value());
                        ws();
                        if (peek(',')) { i++; continue; }
                        expect('}');
                        return m;
                    }
                }
                case '[': {
                    i++;
                    List<Object> l = new ArrayList<>();
                    ws();
                    if (peek(']')) { i++; return l; }
                    while (true) {
                        l.add(value());
                        ws();
                        if (peek(',')) { i++; continue; }
                        expect(']');
                        return l;
                    }
                }
                case '"':
                    return string();
                case 't': word("true"); return Boolean.TRUE;
                case 'f': word("false"); return Boolean.FALSE;
                case 'n': word("null"); return null;
                default: return number();
            }
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                if (i >= s.length()) throw error("unterminated string");
                char c = s.charAt(i++);
                if (c == '"') return b.toString();
                if (c != '\\') { b.append(c); continue; }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> { b.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; }
                    default -> b.append(e);
                }
            }
        }

        private Number number() {
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
            String n = s.substring(start, i);
            if (n.isEmpty()) throw error("unexpected character");
            if (n.contains(".") || n.contains("e") || n.contains("E")) return Double.parseDouble(n);
            return Long.parseLong(n);
        }

        private void word(String w) {
            if (!s.startsWith(w, i)) throw error("expected " + w);
            i += w.length();
        }

        private boolean peek(char c) {
            return i < s.length() && s.charAt(i) == c;
        }

        private void expect(char c) {
            if (!peek(c)) throw error("expected '" + c + "'");
            i++;
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("JSON: " + what + " at " + i);
        }
    }
}
