package dev.authbackbone.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The container image and the compose example, checked without Docker (the build machines cannot
 * pull images): what a reader relies on is there, and every setting they pass is one the server knows.
 */
class DeploymentFilesTest {

    private static final Pattern SETTING = Pattern.compile("\\b(AUTH_[A-Z_]+)\\b");

    @Test
    void dockerfile_buildsTheJarWithMavenAndRunsItOnAJreAsAnUnprivilegedUser() throws IOException {
        List<String> lines = Files.readAllLines(root().resolve("Dockerfile"), StandardCharsets.UTF_8);
        List<String> from = lines.stream().filter(line -> line.startsWith("FROM ")).toList();

        assertThat(from).hasSize(2);
        assertThat(from.get(0)).startsWith("FROM maven:").contains("temurin-17").endsWith(" AS build");
        assertThat(from.get(1)).isEqualTo("FROM eclipse-temurin:17-jre");
        assertThat(lines).anyMatch(line -> line.startsWith("RUN mvn ") && line.contains("-pl bootstrap -am package"));
        assertThat(lines).anyMatch(line -> line.startsWith("COPY --from=build /src/bootstrap/target/auth-backbone.jar "));
        List<String> users = lines.stream().filter(line -> line.startsWith("USER ")).toList();
        assertThat(users).hasSize(1);
        assertThat(users.get(0)).doesNotContain("root").doesNotMatch("USER 0(:.*)?");
        assertThat(lines.get(lines.size() - 1)).startsWith("ENTRYPOINT [\"java\", \"-jar\"");
        assertThat(settings(String.join("\n", lines))).isSubsetOf(Configuration.KNOWN);
    }

    @Test
    void composeExample_runsTheServerOnPostgresqlWithAMailCatcher() throws IOException {
        String compose = Files.readString(root().resolve("docs/deploy/compose.yaml"), StandardCharsets.UTF_8);

        assertThat(compose).contains("\nservices:\n", "\n  auth:\n", "\n  postgres:\n", "\n  mail:\n")
                .contains("image: postgres:15").contains("image: axllent/mailpit:")
                .contains("context: ../..").contains("dockerfile: Dockerfile")
                .contains("AUTH_DB_URL: jdbc:postgresql://postgres:5432/")
                // A non-loopback bind without a mail server refuses to start: the catcher is the mail server.
                .contains("AUTH_SMTP_HOST: mail");
        assertThat(compose).doesNotContain("\t");
        assertThat(settings(compose)).isSubsetOf(Configuration.KNOWN);
        assertThat(Files.readString(root().resolve("docs/operations.md"), StandardCharsets.UTF_8))
                .contains("docs/deploy/compose.yaml");
    }

    private static Set<String> settings(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = SETTING.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("Dockerfile")) && Files.exists(dir.resolve("bootstrap"))) {
                return dir;
            }
        }
        throw new AssertionError("the repository root (with its Dockerfile) is not above " + Path.of("").toAbsolutePath());
    }
}
