package dev.policygen.lint.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** PG306's question: does a Resource pattern stand for every object of a kind, or name some? */
class SingleObjectGrantTest {

    private static SingleObjectGrant kind(String what) {
        return SingleObjectGrant.ALL.stream().filter(k -> k.what().equals(what)).findFirst().orElseThrow();
    }

    @Test
    void wildcardsThatStartANameSegmentStandForEveryObject() {
        SingleObjectGrant listener = kind("ELB listener");
        for (String pattern : List.of("*", "arn:aws:elasticloadbalancing:eu-west-1:111122223333:listener/*",
                "arn:aws:elasticloadbalancing:*:*:listener/app/*/50dc6c495c0c9188/f2f7dc8efc522ab2",
                "arn:aws:elasticloadbalancing:eu-west-1:111122223333:listener/app/web/50dc6c495c0c9188/?*",
                "arn:aws:elasticloadbalancing:eu-west-1:111122223333:*", "arn:aws:elasticloadbalancing:eu-west-1",
                "arn:aws-cn:elasticloadbalancing:cn-north-1:111122223333:list*", "arn:*")) {
            assertTrue(listener.standsForAnyObject(pattern), pattern);
        }
        assertTrue(kind("S3 object").standsForAnyObject("arn:aws:s3:::*/account.pem"));
        assertTrue(kind("IAM server certificate").standsForAnyObject("arn:aws:iam::111122223333:server-certificate/ops/*"));
    }

    @Test
    void namesPrefixScopesAndOtherRegionsDoNot() {
        SingleObjectGrant listener = kind("ELB listener");
        for (String pattern : List.of(
                "arn:aws:elasticloadbalancing:*:*:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2",
                "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/*",
                "arn:aws:s3:::acme-keys/*", "arn:aws:elasticloadbalancing:eu-west-1:111122223333:*listener/app/x/1/2",
                "listener/*")) {
            assertFalse(listener.standsForAnyObject(pattern), pattern);
        }
        assertFalse(kind("IAM server certificate").standsForAnyObject("arn:aws:iam::*:server-certificate/www-*"));
        assertFalse(kind("classic load balancer").standsForAnyObject("arn:aws:elasticloadbalancing:*:*:loadbalancer/web"));
        assertFalse(kind("S3 object").standsForAnyObject("arn:aws:s3:::acme-keys/account-*.pem"));
        assertFalse(kind("S3 object").standsForAnyObject("arn:aws:s3:::acme-keys/account.pem"));
    }
}
