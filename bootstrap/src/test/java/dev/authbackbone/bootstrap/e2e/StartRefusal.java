package dev.authbackbone.bootstrap.e2e;

import dev.authbackbone.bootstrap.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code java} process of {@link Main}, as {@code java -jar} runs it, that is expected to stop
 * at start: its exit code and its non-blank output lines (stderr, where a refused value's one line
 * goes, and stdout, where the log goes).
 */
record StartRefusal(int exit, List<String> stderr, List<String> stdout) {

    /**
     * Starts the server in {@code dir} on an in-memory database and port 0, with no {@code AUTH_*}
     * variable of the test's own environment, plus {@code settings}; fails if it is still running
     * after a minute.
     */
    static StartRefusal start(Path dir, Map<String, String> settings) throws IOException, InterruptedException {
        ProcessBuilder java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName());
        java.environment().keySet().removeIf(name -> name.startsWith("AUTH_"));
        java.environment().put("AUTH_HTTP_PORT", "0");
        java.environment().put("AUTH_DATA_DIR", dir.resolve("data").toString());
        java.environment().put("AUTH_DB_URL", "jdbc:h2:mem:refusal-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        java.environment().putAll(settings);
        // stdout to a file, so that reading stderr to its end cannot block on a full stdout pipe.
        Path stdout = dir.resolve("stdout-" + UUID.randomUUID() + ".txt");
        java.redirectOutput(stdout.toFile());
        Process process = java.start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the server started instead of refusing");
        }
        return new StartRefusal(process.exitValue(), nonBlank(stderr.lines().toList()),
                nonBlank(Files.readAllLines(stdout, StandardCharsets.UTF_8)));
    }

    private static List<String> nonBlank(List<String> lines) {
        return lines.stream().filter(line -> !line.isBlank()).toList();
    }
}
