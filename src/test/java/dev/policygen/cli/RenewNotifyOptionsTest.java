package dev.policygen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.policygen.UsageException;
import dev.policygen.renew.config.RenewConfigReader;
import dev.policygen.renew.notify.NotifySettings;
import dev.policygen.renew.notify.NotifyTarget;
import dev.policygen.testing.CliRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** renew's --notify options as parsed, and how they meet the config's notify key (issue 14, notifications). */
class RenewNotifyOptionsTest {
    @org.junit.jupiter.api.io.TempDir
    Path dir;

    private static final Path CONFIG = Path.of("src/test/resources/renew-config/own-notify.yaml");

    private static NotifySettings options(String... args) throws UsageException {
        RenewCommand command = new RenewCommand();
        new CommandLine(command).parseArgs(args);
        return command.request().notifications();
    }

    @Test
    void expiringDaysAreTheConfigsUnlessTheOptionIsGiven() throws Exception {
        NotifySettings config = RenewConfigReader.read(CONFIG).notifications();
        assertEquals(Optional.empty(), options().expiringDaysGiven(), "not given is not 7");
        assertEquals(10, config.combinedWith(options()).expiringDays());
        assertEquals(2, config.combinedWith(options("--notify-expiring-days", "2")).expiringDays());
        assertEquals(NotifySettings.DEFAULT_EXPIRING_DAYS, NotifySettings.NONE.combinedWith(options()).expiringDays());
    }

    @Test
    void theOptionsWebhooksCarryTheOptionsFiles() throws Exception {
        NotifySettings options = options("--notify", "https://h.example.com/x", "--notify-secret-file", "/s",
                "--notify-ca", "/ca.pem");
        assertEquals(List.of(new NotifyTarget.Webhook(java.net.URI.create("https://h.example.com/x"),
                Optional.of(Path.of("/s")), Optional.of(Path.of("/ca.pem")))), options.targets());
    }

    @Test
    void aBadValueIsExit2AndABadConfigTargetExit3() throws Exception {
        CliRun userinfo = CliRun.of("renew", "--config", CONFIG.toString(), "--notify",
                "https://u:secret@h.example.com/x");
        assertEquals(ExitCode.USAGE, userinfo.exit(), userinfo.all());
        assertEquals(1, userinfo.err().strip().lines().count(), userinfo.err());
        assertEquals(false, userinfo.all().contains("secret@"), userinfo.err());
        assertThrows(UsageException.class, () -> options("--notify-expiring-days", "366"));

        Path bad = dir.resolve("renew.yaml");
        java.nio.file.Files.writeString(bad, java.nio.file.Files.readString(CONFIG)
                .replace("sns:arn:aws:sns:eu-west-1:123456789012:oncall", "sns:arn:aws:sns:eu-west-1:123456789012:*"));
        CliRun config = CliRun.of("renew", "--config", bad.toString());
        assertEquals(ExitCode.BAD_INPUT, config.exit(), config.all());
        assertEquals(List.of("policygen: error: " + bad + ":12:7: notify target \"sns:arn:aws:sns:eu-west-1:123456789012:*\": not a topic ARN; "
                + "expected sns:arn:PARTITION:sns:REGION:ACCOUNT:TOPIC (a whole topic ARN, no wildcard)"),
                config.err().strip().lines().toList());
    }
}
