package dev.policygen.sandbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox config file's {@code topics}: the SNS topics Publish accepts. */
class SandboxTopicsConfigTest {
    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:certificate-events";

    @TempDir
    Path directory;

    @Test
    void topicsAreDeclaredAndAMalformedOneIsOneLocatedLine() throws Exception {
        Path config = directory.resolve("sandbox.json");
        Files.writeString(config, "{\"topics\": [\"" + TOPIC + "\"]}");
        SandboxBuilder builder = Sandbox.builder();
        SandboxConfigFile.apply(config, builder);
        try (Sandbox sandbox = builder.build().start()) {
            assertTrue(sandbox.aws().topicExists(TOPIC));
            assertFalse(sandbox.aws().topicExists(TOPIC + "-other"));
            assertTrue(sandbox.publishedMessages().isEmpty());
        }
        Files.writeString(config, "{\"topics\": [\"arn:aws:sns:us-east-1:123456789012:*\"]}");
        InputException malformed = assertThrows(InputException.class,
                () -> SandboxConfigFile.apply(config, Sandbox.builder()));
        assertTrue(malformed.located().contains("sandbox.json:1:") && malformed.getMessage()
                .contains("malformed SNS topic ARN"), malformed.located());
    }
}
