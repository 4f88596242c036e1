package dev.policygen.renew.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.InputException;
import dev.policygen.renew.notify.NotifySettings;
import dev.policygen.renew.notify.NotifyTarget;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The renew config's {@code notify} key (issue 14, notifications): its forms, its errors, and how --notify adds to it. */
class NotifyConfigTest {
    private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:certificate-events";
    private static final String HEAD = "accountKey: file:///k.pem\ncertificates:\n"
            + "  www: {domains: [a.example.com], destinations: [acm: {}]}\n";

    private static RenewConfig yaml(String notify) throws InputException {
        return RenewConfigReader.read(HEAD + notify, "c.yaml", true);
    }

    private static String error(String notify) {
        InputException e = assertThrows(InputException.class, () -> yaml(notify), notify);
        assertEquals(1, e.located().lines().count(), e.located());
        return e.located();
    }

    @Test
    void targetsInBothFormsWithTheirOwnFilesAndDays() throws Exception {
        RenewConfig config = yaml("""
                notify:
                  targets:
                    - sns:%s
                    - https://hooks.example.com/plain?token=t
                    - uri: https://hooks.example.com/signed
                      secretFile: /etc/policygen/hook-secret
                      caFile: /etc/policygen/hooks-ca.pem
                  expiringDays: 10
                """.formatted(TOPIC));
        NotifySettings notify = config.notifications();
        assertEquals(List.of(new NotifyTarget.SnsTopic(TOPIC),
                new NotifyTarget.Webhook(URI.create("https://hooks.example.com/plain?token=t")),
                new NotifyTarget.Webhook(URI.create("https://hooks.example.com/signed"),
                        Optional.of(Path.of("/etc/policygen/hook-secret")),
                        Optional.of(Path.of("/etc/policygen/hooks-ca.pem")))), notify.targets());
        assertEquals(10, notify.expiringDays());
        assertEquals(List.of(TOPIC), notify.topicArns());
    }

    @Test
    void jsonConfigAndNoNotifyKey() throws Exception {
        RenewConfig json = RenewConfigReader.read("""
                {"accountKey": "file:///k.pem",
                 "certificates": {"www": {"domains": ["a.example.com"], "destinations": [{"acm": {}}]}},
                 "notify": {"targets": ["sns:%s"]}}
                """.formatted(TOPIC), "c.json", false);
        assertEquals(List.of(TOPIC), json.notifications().topicArns());
        assertEquals(NotifySettings.DEFAULT_EXPIRING_DAYS, json.notifications().expiringDays());
        assertEquals(NotifySettings.NONE, RenewConfigReader.read(HEAD, "c.yaml", true).notifications());
    }

    @Test
    void badValuesAreOneLineAtTheValue() {
        assertEquals("c.yaml:6:7: notify target takes sns:arn:PARTITION:sns:REGION:ACCOUNT:TOPIC or https://URL, "
                + "not \"http://hooks.example.com/x\"", error("notify:\n  targets:\n    - http://hooks.example.com/x\n"));
        String userinfo = error("notify:\n  targets:\n    - https://ops:hunter2@hooks.example.com/x\n");
        assertTrue(userinfo.startsWith("c.yaml:6:7: notify target \"https://***@hooks.example.com/x\": the URL "
                + "carries a user name or password"), userinfo);
        assertFalse(userinfo.contains("hunter2"), "the password is not repeated: " + userinfo);
        assertEquals("c.yaml:6:7: notify target \"sns:arn:aws:sns:eu-west-1:1234:events\": the account \"1234\" is "
                + "not 12 digits; expected sns:arn:PARTITION:sns:REGION:ACCOUNT:TOPIC (a whole topic ARN, no "
                + "wildcard)", error("notify:\n  targets:\n    - sns:arn:aws:sns:eu-west-1:1234:events\n"));
        assertTrue(error("notify:\n  targets:\n    - sns:arn:aws:sqs:eu-west-1:123456789012:q\n")
                .contains("an ARN of sqs, not of SNS"));
        assertTrue(error("notify:\n  targets:\n    - sns:certificate-events\n").contains("not an ARN"));
        assertTrue(error("notify:\n  targets:\n    - sns:arn:aws:sns:eu-west-1:123456789012:*\n")
                .contains("not a topic ARN"));
        assertTrue(error("notify:\n  targets:\n    - \"https://hooks example.com/\"\n").contains("not a URL"));
        String misplaced = error("notify:\n  targets:\n    - {uri: \"sns:" + TOPIC + "\", secretFile: /s}\n");
        assertTrue(misplaced.matches("c\\.yaml:6:\\d+: secretFile and caFile belong to https webhooks, not to sns:"
                + TOPIC.replace(".", "\\.")), misplaced);
        assertEquals("c.yaml:6:39: unknown key \"secret\" in a notify target (a URI, or an object with uri, secretFile "
                + "and caFile); expected one of caFile, secretFile, uri",
                error("notify:\n  targets:\n    - {uri: \"https://h.example.com/\", secret: /s}\n"));
        assertEquals("c.yaml:6:17: expiringDays of notify must be between 0 and 365, not 400",
                error("notify:\n  targets: [\"sns:" + TOPIC + "\"]\n  expiringDays: 400\n"));
        assertEquals("c.yaml:5:12: targets of notify is empty; name at least one sns:ARN or https://URL, or leave "
                + "notify out", error("notify:\n  targets: []\n"));
    }

    @Test
    void optionsAddTargetsAndOverrideTheDays() throws Exception {
        NotifySettings config = yaml("notify:\n  targets: [\"sns:" + TOPIC + "\", \"https://h.example.com/a\"]\n"
                + "  expiringDays: 10\n").notifications();
        NotifySettings options = NotifySettings.parse(List.of("https://h.example.com/b", "sns:" + TOPIC),
                Optional.of(Path.of("/s")), Optional.empty(), Optional.empty());
        NotifySettings combined = config.combinedWith(options);
        assertEquals(List.of("sns:" + TOPIC, "https://h.example.com/a", "https://h.example.com/b"),
                combined.targets().stream().map(NotifyTarget::identity).toList(), "added, each receiver once");
        assertEquals(Optional.of(Path.of("/s")),
                ((NotifyTarget.Webhook) combined.targets().get(2)).secretFile(), "the option's secret is --notify's");
        assertEquals(Optional.empty(), ((NotifyTarget.Webhook) combined.targets().get(1)).secretFile(),
                "a config webhook keeps its own");
        assertEquals(10, combined.expiringDays(), "the config's days when the option is not given");
        assertEquals(3, config.combinedWith(NotifySettings.parse(List.of(), Optional.empty(), Optional.empty(), 3))
                .expiringDays(), "the option overrides");
    }
}
