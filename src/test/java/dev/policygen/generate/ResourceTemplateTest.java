package dev.policygen.generate;

import dev.policygen.UsageException;
import dev.policygen.profile.Profiles;
import dev.policygen.route53.Partition;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResourceTemplateTest {
    private static final String LISTENER = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:listener/app/w/1/2";

    private static GenerateRequest.Builder policygen() throws UsageException {
        return GenerateRequest.builder(Profiles.bundled().find("policygen"))
                .zone(ZoneRef.parse("Z11111112222222333333")).domain(DomainRequest.parse("example.com"));
    }

    @Test
    void coversOnlyWhatAWildcardSurelyMatchesWithinOneSegment() {
        assertTrue(ResourceTemplate.covers("*", "arn:aws:acm:eu-west-1:1:certificate/a"));
        assertTrue(ResourceTemplate.covers("arn:aws:acm:eu-west-1:1:certificate/*", "arn:aws:acm:eu-west-1:1:certificate/a"));
        assertTrue(ResourceTemplate.covers("arn:aws:acm:*:*:certificate/*", "arn:aws:acm:eu-west-1:1:certificate/a"));
        assertFalse(ResourceTemplate.covers("arn:aws:acm:us-east-1:1:certificate/*", "arn:aws:acm:eu-west-1:1:certificate/a"));
        // a * that would have to span a colon is not trusted to
        assertFalse(ResourceTemplate.covers("arn:aws:acm:*:certificate/*", "arn:aws:acm:eu-west-1:1:certificate/a"));
        assertTrue(ResourceTemplate.covers("arn:aws:iam::1:server-certificate/www-?", "arn:aws:iam::1:server-certificate/www-1"));
        // one pattern covers another only when they are the same
        assertFalse(ResourceTemplate.covers("arn:aws:iam::1:server-certificate/www-*",
                "arn:aws:iam::1:server-certificate/www-api-*"));
    }

    @Test
    void listPlaceholdersGiveOneArnPerValue() throws UsageException {
        GenerateRequest request = policygen().iamCertificatePrefix("www").iamCertificatePrefix("api").build();
        assertEquals(List.of("arn:aws:iam::*:server-certificate/www-*", "arn:aws:iam::*:server-certificate/api-*"),
                ResourceTemplate.expand("arn:${partition}:iam::${account}:server-certificate/${iam-certificate-prefix}-*",
                        request));
        assertEquals(List.of(LISTENER), ResourceTemplate.expand("${listener-arn}", policygen().listenerArn(LISTENER).build()));
    }

    @Test
    void valuesSwitchOnTheSettingsOnlyOfProfilesThatHaveThem() throws UsageException {
        GenerateRequest request = policygen().elbName("web").iamCertificatePrefix("www").listenerArn(LISTENER)
                .acmCertificateArn("arn:aws:acm:eu-west-1:111122223333:certificate/x").accountKey("s3://bucket/k").build();
        assertEquals(Set.of("classic-elb", "iam-server-certificate", "elbv2", "acm", "account-key-in-s3"),
                request.clientSettings());
        GenerateRequest letsencryptAws = GenerateRequest.builder(Profiles.bundled().find("letsencrypt-aws"))
                .elbName("web").accountKey("s3://bucket/k").build();
        assertEquals(Set.of("account-key-in-s3"), letsencryptAws.clientSettings());
    }

    @Test
    void aCallThatNeedsAWholeNameIsRefusedWithoutIt() throws UsageException {
        UsageException e = assertThrows(UsageException.class,
                () -> PolicyGenerator.generate(policygen().clientSetting("elbv2").build()));
        assertEquals("elasticloadbalancing:ModifyListener needs the listener it changes: give --listener-arn ARN",
                e.getMessage());
        assertThrows(UsageException.class, () -> PolicyGenerator.generate(policygen().clientSetting("acm").build()));
        assertThrows(UsageException.class, () -> PolicyGenerator.generate(policygen().partition(Partition.AWS_CN)
                .listenerArn(LISTENER).build()));
    }
}
