package dev.policygen.lint;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IamGlobTest {

    @Test
    void starCrossesDotsAndBackslashesAndQuestionMarkIsOneCharacter() {
        assertTrue(IamGlob.matches("_acme-challenge.*example.com", "_acme-challenge.a.b.example.com", false));
        assertTrue(IamGlob.matches("_acme-challenge.*example.com", "_acme-challenge.\\052.example.com", false));
        assertTrue(IamGlob.matches("arn:aws:route53:::hostedzone/*", "arn:aws:route53:::hostedzone/Z1", false));
        assertTrue(IamGlob.matches("T?T", "TXT", false));
        assertFalse(IamGlob.matches("T?T", "TT", false));
        assertFalse(IamGlob.matches("*.example.com", "example.com", false));
        assertTrue(IamGlob.matches("*", "", false));
    }

    @Test
    void caseOnlyWhenAsked() {
        assertFalse(IamGlob.matches("route53:get*", "route53:GetChange", false));
        assertTrue(IamGlob.matches("route53:get*", "route53:GetChange", true));
    }

    @Test
    void hostilePatternsTakePolynomialTime() {
        String pattern = "*a".repeat(2000) + "b";
        String text = "a".repeat(5000);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertFalse(IamGlob.matches(pattern, text, false)));
    }
}
