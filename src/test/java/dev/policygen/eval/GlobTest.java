package dev.policygen.eval;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GlobTest {

    @Test
    void starCrossesDotsAndBackslashesAndQuestionMarkIsOneCharacter() {
        assertTrue(Glob.of("_acme-challenge.*example.com", false).matches("_acme-challenge.a.b.example.com"));
        assertTrue(Glob.of("_acme-challenge.*example.com", false).matches("_acme-challenge.\\052.example.com"));
        assertTrue(Glob.of("arn:aws:route53:::hostedzone/*", false).matches("arn:aws:route53:::hostedzone/Z1"));
        assertTrue(Glob.of("T?T", false).matches("TXT"));
        assertFalse(Glob.of("T?T", false).matches("TT"));
        assertFalse(Glob.of("*.example.com", false).matches("example.com"));
        assertTrue(Glob.of("*", false).matches(""));
    }

    @Test
    void caseOnlyWhenAsked() {
        assertFalse(Glob.of("route53:get*", false).matches("route53:GetChange"));
        assertTrue(Glob.of("route53:get*", true).matches("route53:GetChange"));
    }

    @Test
    void hostilePatternsTakePolynomialTime() {
        String pattern = "*a".repeat(2000) + "b";
        String text = "a".repeat(5000);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertFalse(Glob.of(pattern, false).matches(text)));
    }
}
