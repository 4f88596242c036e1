package dev.policygen.renew.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.UsageException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NotifySettingsTest {
    @Test
    void targetsParse() throws UsageException {
        NotifySettings settings = NotifySettings.parse(List.of("sns:arn:aws:sns:eu-west-1:123456789012:certs",
                "https://hooks.example.com/x?token=t", "sns:arn:aws:sns:eu-west-1:123456789012:certs"),
                Optional.empty(), Optional.empty(), 7);
        assertEquals(2, settings.targets().size(), "a repeated target is sent once");
        assertEquals(List.of("arn:aws:sns:eu-west-1:123456789012:certs"), settings.topicArns());
        assertEquals("https://hooks.example.com/x", settings.targets().get(1).display());
    }

    @Test
    void badValuesAreUsageErrorsNamingThem() {
        for (String bad : List.of("sns:arn:aws:sns:eu-west-1:123456789012:*", "sns:certs", "http://example.com/x",
                "mailto:ops@example.com", "https:///nohost")) {
            UsageException e = assertThrows(UsageException.class,
                    () -> NotifySettings.parse(List.of(bad), Optional.empty(), Optional.empty(), 7), bad);
            assertTrue(e.getMessage().contains(bad) && e.getMessage().contains("--notify"), e.getMessage());
        }
        assertThrows(UsageException.class, () -> NotifySettings.parse(List.of(), Optional.empty(), Optional.empty(),
                -1));
        assertThrows(UsageException.class, () -> NotifySettings.parse(List.of("sns:arn:aws:sns:eu-west-1:"
                + "123456789012:certs"), Optional.of(Path.of("secret")), Optional.empty(), 7),
                "a secret without a webhook");
    }

    @Test
    void signatureIsHmacSha256OfTheBody() {
        // RFC 4231 test case 2
        assertEquals("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                WebhookSender.signature("Jefe".getBytes(StandardCharsets.UTF_8),
                        "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)));
    }
}
