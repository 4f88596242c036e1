package dev.policygen.renew.guard;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.model.PolicyWriter;
import dev.policygen.renew.config.RenewConfig;
import dev.policygen.renew.config.RenewConfigReader;
import dev.policygen.testing.CliRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The SNS topics of the renew config's {@code notify} key are granted sns:Publish in renew's policy, exactly
 * those (with any of --notify's), and its printed generate line names each with --notify-topic (issue 14).
 */
class RenewPolicyNotifyTest {
    private static final String EVENTS = "arn:aws:sns:eu-west-1:123456789012:certificate-events";
    private static final String ONCALL = "arn:aws:sns:eu-west-1:123456789012:oncall";
    private static final String OPTION = "arn:aws:sns:eu-west-1:123456789012:from-option";

    private static RenewConfig config() throws Exception {
        return RenewConfigReader.read(Path.of("src/test/resources/renew-config/own-notify.yaml"));
    }

    @Test
    void theConfigsTopicsAreOnTheLineAndInThePolicy() throws Exception {
        RenewPolicy policy = RenewPolicy.of(config(), List.of());
        String line = policy.commandLine();
        assertTrue(line.contains("--notify-topic " + EVENTS) && line.contains("--notify-topic " + ONCALL), line);
        assertFalse(line.contains("hooks.example.com"), "a webhook needs no AWS permission: " + line);
        List<String> words = RenewPolicyTest.shellWords(line);
        CliRun run = CliRun.of(words.subList(1, words.size()).toArray(new String[0]));
        assertEquals(0, run.exit(), line + "\n" + run.err());
        assertEquals(PolicyWriter.pretty(policy.document()), run.out(), "the printed line makes the guard's policy");

        PolicyGuard guard = PolicyGuard.generated(policy);
        for (String topic : List.of(EVENTS, ONCALL)) {
            assertDoesNotThrow(() -> guard.check(IntendedCall.of("sns:Publish", topic)), topic);
        }
        assertThrows(GuardException.class, () -> guard.check(IntendedCall.of("sns:Publish", OPTION)));
    }

    @Test
    void optionTopicsAreAddedOnceToTheConfigs() throws Exception {
        RenewPolicy policy = RenewPolicy.of(config(), List.of(), Optional.of("eu-west-1"), Optional.empty(), false,
                List.of(ONCALL, OPTION));
        String line = policy.commandLine();
        assertEquals(3, line.split("--notify-topic ", -1).length - 1, line);
        assertDoesNotThrow(() -> PolicyGuard.generated(policy).check(IntendedCall.of("sns:Publish", OPTION)));
        String without = RenewPolicy.of(RenewConfigReader.read(Path.of("src/test/resources/renew-config/own.yaml")),
                List.of()).commandLine();
        assertFalse(without.contains("--notify-topic"), without);
    }
}
