package dev.authbackbone.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command: {@code bin/auth-backbone} starts the real server in its own JVM with a
 * bounded heap, writes its class-data archive on the first stop and maps it on the next start,
 * never fails because of an archive, and passes operator commands through.
 *
 * <p>The shaded jar does not exist yet in the test phase, so the launcher is pointed at a small jar
 * whose manifest names the test's runtime class path (directories packed into jars, as the archive
 * requires) and the same main class.
 */
class LauncherEndToEndTest {

    private static final Pattern READY = Pattern.compile("auth-backbone ready on http://127\\.0\\.0\\.1:(\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    static Path shared;

    private static Path launcher;
    private static Path classPathJars;

    @TempDir
    Path work;

    private Path jar;
    private Path archive;

    @BeforeAll
    static void findTheLauncherAndPackTheClassPath() throws IOException {
        Assumptions.assumeTrue(onPath("sh"), "the launcher is a POSIX sh script and this host has no sh on the PATH");
        launcher = repositoryRoot().resolve("bin/auth-backbone");
        assertThat(launcher).isRegularFile();
        classPathJars = Files.createDirectories(shared.resolve("lib"));
    }

    @BeforeEach
    void aJarOfItsOwn() throws IOException {
        jar = Files.createDirectories(work.resolve("app")).resolve("auth-backbone.jar");
        writeLauncherJar(jar);
        archive = work.resolve("app/auth-backbone.jsa");
    }

    @Test
    void firstStartWritesTheClassDataArchiveWhenItStops_theNextStartMapsIt_andAnArchiveTheJvmCannotUseIsNoObstacle()
            throws Exception {
        try (Server first = start()) {
            assertThat(first.get("/health/live")).isEqualTo(200);
            assertThat(first.jvmCommandLine()).contains("-Xmx64m", "-XX:ArchiveClassesAtExit=" + archive + ".part.");
        }
        assertThat(archive).as("written when the first server stopped").isNotEmptyFile();
        try (Stream<Path> files = Files.list(archive.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.contains(".part."));
        }

        try (Server second = start()) {
            assertThat(second.get("/health/live")).isEqualTo(200);
            assertThat(second.jvmCommandLine()).contains("-Xmx64m", "-XX:SharedArchiveFile=" + archive)
                    .doesNotContain("ArchiveClassesAtExit");
        }

        // Damaged (a disk error, a copy cut short): still newer than the jar, so the launcher offers it.
        Files.write(archive, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        assertThat(dryRun(Map.of())).contains("-XX:SharedArchiveFile=" + archive);
        try (Server third = start()) {
            assertThat(third.get("/health/live")).isEqualTo(200);
            assertThat(third.output()).doesNotContain("[warning]").doesNotContain("shared archive");
        }
    }

    @Test
    void anArchiveOlderThanTheJar_isNotUsed_andThisStartWritesANewOne() throws Exception {
        Files.write(archive, new byte[] {1});
        Files.setLastModifiedTime(archive, FileTime.from(Instant.now().minusSeconds(60)));
        assertThat(dryRun(Map.of())).contains("-XX:ArchiveClassesAtExit=").doesNotContain("SharedArchiveFile");
    }

    @Test
    void theCollectorFollowsTheHostsCpus_parallelWithFixedGenerationsFromTwo() throws Exception {
        Process getconf = new ProcessBuilder("getconf", "_NPROCESSORS_ONLN").start();
        int cpus = Integer.parseInt(new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip());
        String defaults = dryRun(Map.of());
        if (cpus >= 2) {
            // Serial left the second core idle during every young collection (docs/performance.md, change 37).
            assertThat(defaults).contains("-XX:+UseParallelGC -XX:ParallelGCThreads=2 -XX:-UseAdaptiveSizePolicy "
                    + "-XX:SurvivorRatio=4").doesNotContain("-XX:+UseSerialGC");
        } else {
            assertThat(defaults).contains("-XX:+UseSerialGC -XX:SurvivorRatio=4").doesNotContain("-XX:+UseParallelGC");
        }
        assertThat(defaults.contains("-XX:TieredStopAtLevel=1")).isEqualTo(cpus <= 2);
        // 26 MiB of the 64 young: fewer young collections, fewer requests in flight promoted (change 39).
        assertThat(defaults).contains("-Xms64m -Xmx64m -Xmn26m");
    }

    @Test
    void javaOptsComeAfterTheDefaults_soTheyWin_andDefaultsCanBeSwitchedOff() throws Exception {
        String withOpts = dryRun(Map.of("JAVA_OPTS", "-XX:TieredStopAtLevel=4 -Dsome.property=x"));
        assertThat(withOpts.indexOf("-XX:TieredStopAtLevel=4")).isGreaterThan(withOpts.indexOf("-Xmx64m"));
        assertThat(withOpts).endsWith("-XX:TieredStopAtLevel=4 -Dsome.property=x -jar " + jar);
        // Options the JVM refuses in pairs: ours give way instead of stopping the start.
        assertThat(dryRun(Map.of("JAVA_OPTS", "-XX:+UseG1GC"))).doesNotContain("-XX:+UseSerialGC")
                .doesNotContain("-XX:+UseParallelGC").doesNotContain("SurvivorRatio").doesNotContain("AdaptiveSizePolicy")
                .doesNotContain("-Xmn").contains("-Xmx64m");
        // The young generation's size belongs to our heap and collectors: another heap or collector drops it.
        assertThat(dryRun(Map.of("JAVA_OPTS", "-Xmx32m"))).doesNotContain("-Xms64m").doesNotContain("-Xmx64m")
                .doesNotContain("-Xmn");

        assertThat(dryRun(Map.of("AUTHBACKBONE_DEFAULTS", "off", "JAVA_OPTS", "-Xmx300m")))
                .isEqualTo(javaBinary() + " -Xmx300m -jar " + jar);
        assertThat(dryRun(Map.of("AUTHBACKBONE_CDS_ARCHIVE", "off"))).doesNotContain("Archive");
    }

    /**
     * The attack, on the heap the launcher gives: connections kept alive between requests. Jetty kept a
     * 96 KiB header cache per connection, so about 420 of them filled the 64 MiB heap and the server
     * answered nothing any more, not even after they closed.
     */
    @Test
    void sixHundredIdleKeepAliveConnections_leaveTheServerAnswering() throws Exception {
        try (Server server = start(Map.of("AUTH_HTTP_MAX_CONNECTIONS_PER_IP", "1000"))) {
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < 600; i++) {
                    held.add(keptAlive(server));
                }
                int answered = 0;
                // Twice on each: Jetty builds a connection's header cache from its first request's headers.
                for (int round = 0; round < 2; round++) {
                    for (Socket socket : held) {
                        if (round > 0) {
                            askForLiveness(socket);
                        }
                        answered += firstBytes(socket).startsWith("HTTP/1.1 200") ? 1 : 0;
                    }
                }

                assertThat(answered).isEqualTo(1200);
                assertThat(server.get("/health/live")).isEqualTo(200);
                assertThat(server.output()).doesNotContain("OutOfMemoryError");
            } finally {
                for (Socket socket : held) {
                    socket.close();
                }
            }
        }
    }

    /**
     * The attack, on the launcher's heap: connections that each declare a large body, send 16,500 bytes
     * of it at once and then one byte a second. Each kept up to 16 KiB + 1 of its body in a buffer that
     * doubled to 32 KiB, so 1,500 of them (under the overall cap of 2,000) filled the 64 MiB heap: an
     * OutOfMemoryError killed Jetty's threads and the server answered nothing more, not even after they
     * closed. Now the bodies in flight share a budget and the arrivals it cannot hold are refused with 503.
     * The read timeout is long so that all of them are held at once, as an attacker who reconnects would.
     */
    @Test
    void fifteenHundredSlowBodies_areBoundedByTheBodyBudget_andTheServerKeepsAnswering() throws Exception {
        try (Server server = start(Map.of("AUTH_HTTP_MAX_CONNECTIONS_PER_IP", "2000", "AUTH_HTTP_READ_TIMEOUT", "60s"))) {
            List<Socket> held = new ArrayList<>();
            ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
            try {
                byte[] head = ("POST /api/auth/token/refresh HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 4194304\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                byte[] firstPart = new byte[16_500];
                Arrays.fill(firstPart, (byte) ' ');
                String refused = null;
                for (int i = 0; i < 1_500 && refused == null; i++) {
                    try {
                        Socket socket = new Socket();
                        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port), 5_000);
                        held.add(socket);
                        OutputStream out = socket.getOutputStream();
                        out.write(head);
                        out.write(firstPart);
                    } catch (IOException e) {
                        // A server out of memory stops accepting: the checks below say what it did.
                        refused = "connection " + i + " failed: " + e;
                    }
                }
                trickle.scheduleAtFixedRate(() -> held.forEach(LauncherEndToEndTest::oneMoreByte), 1, 1, TimeUnit.SECONDS);
                Thread.sleep(3_000);

                String live = server.getWithin("/health/live", Duration.ofSeconds(5));
                Map<String, Integer> answers = new TreeMap<>();
                for (Socket socket : held) {
                    answers.merge(answerSoFar(socket), 1, Integer::sum);
                }
                System.out.println("LauncherEndToEndTest: " + held.size() + " slow bodies opened"
                        + (refused == null ? "" : " (" + refused + ")") + "; /health/live: " + live + "; their answers: " + answers);

                assertThat(server.output()).doesNotContain("OutOfMemoryError");
                assertThat(refused).isNull();
                assertThat(live).isEqualTo("200");
                // Those the budget holds are still arriving; every other one was refused at once, with a way back.
                assertThat(answers.keySet()).isSubsetOf("(still arriving)",
                        "503 with Retry-After and Connection: close, in {\"detail\": ...}");
                assertThat(answers).containsKey("503 with Retry-After and Connection: close, in {\"detail\": ...}");
            } finally {
                trickle.shutdownNow();
                for (Socket socket : held) {
                    socket.close();
                }
            }
            Thread.sleep(1_000);
            assertThat(server.getWithin("/health/live", Duration.ofSeconds(10))).isEqualTo("200");
            // Not the attacked route: the bodies cut short there reached it as they closed, and used up its per-IP limit.
            assertThat(server.postWithin("/api/auth/magic-link", "{\"email\": \"grace@example.com\"}", Duration.ofSeconds(10)))
                    .as("an ordinary body, once the attack is over").isEqualTo("202");
            assertThat(server.output()).doesNotContain("OutOfMemoryError");
        }
    }

    /** At the overall cap, idle connections are closed within seconds, so a newcomer is still served. */
    @Test
    void atTheOverallConnectionCap_idleConnectionsAreClosedSoonAndANewClientIsAnswered() throws Exception {
        try (Server server = start(Map.of("AUTH_HTTP_MAX_CONNECTIONS", "40", "AUTH_HTTP_MAX_CONNECTIONS_PER_IP", "1000"))) {
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < 40; i++) {
                    Socket socket = keptAlive(server);
                    assertThat(firstBytes(socket)).startsWith("HTTP/1.1 200");
                    held.add(socket);
                }
                long started = System.nanoTime();

                assertThat(server.get("/health/live")).isEqualTo(200);
                assertThat(firstBytes(held.get(0))).as("an idle connection, closed by the server").isEmpty();
                // The read timeout (10 s) would close it too, but later: at the cap idle ones get 2 s.
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(7));
            } finally {
                for (Socket socket : held) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void operatorCommandsPassThrough_andDoNotWriteAnArchive() throws Exception {
        Process process = launch(List.of("accounts", "create", "grace@example.com"), Map.of());
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("opened for grace@example.com").contains("access token");
        assertThat(archive).as("an operator command loads too few classes to make a useful archive").doesNotExist();
    }

    @Test
    void withoutAJar_itSaysHowToBuildOne() throws Exception {
        Files.delete(jar);
        Process process = launch(List.of(), Map.of());
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(output).contains("mvn -q -pl bootstrap -am package -DskipTests");
    }

    private String dryRun(Map<String, String> environment) throws Exception {
        Map<String, String> env = new HashMap<>(environment);
        env.put("AUTHBACKBONE_DRY_RUN", "1");
        Process process = launch(List.of(), env);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private Server start() throws Exception {
        return start(Map.of());
    }

    private Server start(Map<String, String> environment) throws Exception {
        return new Server(launch(List.of(), environment));
    }

    /** A connection that has asked for {@code /health/live} and stays open for more. */
    private static Socket keptAlive(Server server) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port), 5_000);
        socket.setSoTimeout(15_000);
        askForLiveness(socket);
        return socket;
    }

    private static void askForLiveness(Socket socket) throws IOException {
        socket.getOutputStream().write("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * What one read returns: the answer's first bytes, nothing once the server has closed the
     * connection, or a note that it said nothing.
     */
    private static String firstBytes(Socket socket) throws IOException {
        byte[] buffer = new byte[4096];
        try {
            int n = socket.getInputStream().read(buffer);
            return n < 0 ? "" : new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
        } catch (SocketTimeoutException silent) {
            return "(no answer within " + socket.getSoTimeout() + " ms)";
        } catch (SocketException reset) {
            return "";
        }
    }

    private static void oneMoreByte(Socket socket) {
        try {
            socket.getOutputStream().write(' ');
        } catch (IOException closedByTheServer) {
            // answered and closed: nothing more to send
        }
    }

    /** What a slow body's connection has received so far, summed up; never waits for more. */
    private static String answerSoFar(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            if (in.available() == 0) {
                return "(still arriving)";
            }
            socket.setSoTimeout(2_000);
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            for (int n; (n = in.read(buffer)) > 0; ) {
                answer.write(buffer, 0, n);
            }
            String text = answer.toString(StandardCharsets.ISO_8859_1);
            String lower = text.toLowerCase(Locale.ROOT);
            if (text.startsWith("HTTP/1.1 503") && lower.contains("\r\nretry-after: ") && lower.contains("\r\nconnection: close")
                    && text.contains("\r\n\r\n{\"detail\":")) {
                return "503 with Retry-After and Connection: close, in {\"detail\": ...}";
            }
            return text.lines().findFirst().orElse("(closed without an answer)");
        } catch (SocketTimeoutException stillOpen) {
            return "(an answer, but the connection stayed open)";
        } catch (IOException e) {
            return "(" + e.getClass().getSimpleName() + ")";
        }
    }

    private Process launch(List<String> arguments, Map<String, String> environment) throws IOException {
        List<String> command = new ArrayList<>(List.of("sh", launcher.toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("AUTH") || name.equals("JAVA_OPTS"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("AUTHBACKBONE_JAR", jar.toString());
        env.put("AUTH_HTTP_HOST", "127.0.0.1");
        env.put("AUTH_HTTP_PORT", "0");
        env.put("AUTH_DATA_DIR", work.resolve("data").toString());
        env.putAll(environment);
        return builder.start();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A server started by the launcher; closing it sends SIGTERM as an operator's stop would, and waits. */
    private static final class Server implements AutoCloseable {
        private final Process process;
        private final ByteArrayOutputStream output = new ByteArrayOutputStream();
        private final int port;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        Server(Process process) throws InterruptedException {
            this.process = process;
            Thread reader = new Thread(() -> copy(process.getInputStream()), "launcher-output");
            reader.setDaemon(true);
            reader.start();
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            Matcher ready;
            while (!(ready = READY.matcher(output())).find()) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new AssertionError("the launcher's server did not start:\n" + output());
                }
                Thread.sleep(20);
            }
            port = Integer.parseInt(ready.group(1));
        }

        int get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        /** The status of {@code GET path}, or what happened instead within {@code timeout}. */
        String getWithin(String path, Duration timeout) {
            return statusWithin(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(timeout).build());
        }

        /** The status of {@code POST path} with a JSON body, or what happened instead within {@code timeout}. */
        String postWithin(String path, String json, Duration timeout) {
            return statusWithin(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(timeout)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
        }

        private String statusWithin(HttpRequest request) {
            try {
                return Integer.toString(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
            } catch (IOException | InterruptedException e) {
                return "no answer: " + e;
            }
        }

        /** The JVM's command line: the launcher's own process once it has exec'd java, else its child. */
        String jvmCommandLine() {
            ProcessHandle jvm = process.toHandle().descendants().findFirst().orElse(process.toHandle());
            return jvm.info().commandLine().orElseThrow();
        }

        String output() {
            synchronized (output) {
                return output.toString(StandardCharsets.UTF_8);
            }
        }

        private void copy(InputStream in) {
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    synchronized (output) {
                        output.write(buffer, 0, n);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the server did not stop on SIGTERM:\n" + output());
            }
        }
    }

    /**
     * Writes a jar with the server's main class whose manifest lists this test's runtime class path.
     * Class directories are packed into jars first: a class-data archive accepts only jars.
     */
    private static void writeLauncherJar(Path target) throws IOException {
        List<String> classPath = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                if (path.getFileName().toString().equals("test-classes")) {
                    continue;
                }
                Path packed = classPathJars.resolve("classes-" + (n++) + ".jar");
                if (!Files.exists(packed)) {
                    pack(path, packed);
                }
                path = packed;
            }
            if (Files.isRegularFile(path)) {
                classPath.add(path.toUri().toString());
            }
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "dev.authbackbone.bootstrap.Main");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
        try (OutputStream out = Files.newOutputStream(target); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            // The manifest is the whole jar.
        }
    }

    private static void pack(Path directory, Path target) throws IOException {
        try (OutputStream out = Files.newOutputStream(target); JarOutputStream jarOut = new JarOutputStream(out);
                Stream<Path> files = Files.walk(directory)) {
            for (Path file : (Iterable<Path>) files.filter(p -> !p.equals(directory)).sorted()::iterator) {
                String name = directory.relativize(file).toString().replace(File.separatorChar, '/');
                // Directory entries too: resource scanners (Flyway's migrations) look the folders up.
                jarOut.putNextEntry(new JarEntry(Files.isDirectory(file) ? name + "/" : name));
                if (Files.isRegularFile(file)) {
                    Files.copy(file, jarOut);
                }
                jarOut.closeEntry();
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("bin/auth-backbone")) && Files.exists(dir.resolve("bootstrap"))) {
                return dir;
            }
        }
        throw new AssertionError("bin/auth-backbone not found above " + Path.of("").toAbsolutePath());
    }

    private static boolean onPath(String command) {
        return List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
