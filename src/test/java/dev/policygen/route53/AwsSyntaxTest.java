package dev.policygen.route53;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The one role-ARN rule the sandbox config and {@code --trusted-role} share. */
class AwsSyntaxTest {
    @Test
    void roleArnsWithAndWithoutPathInEveryPartition() {
        assertTrue(AwsSyntax.isRoleArn("arn:aws:iam::111122223333:role/app"));
        assertTrue(AwsSyntax.isRoleArn("arn:aws:iam::111122223333:role/team/app"));
        assertTrue(AwsSyntax.isRoleArn("arn:aws:iam::111122223333:role/a/b/c+=,.@-_"));
        assertTrue(AwsSyntax.isRoleArn("arn:aws-cn:iam::111122223333:role/app"));
        assertTrue(AwsSyntax.isRoleArn("arn:aws-us-gov:iam::111122223333:role/app"));
    }

    @Test
    void otherArnsAndMalformedRolesAreNotRoleArns() {
        for (String text : new String[] {null, "", "app", "arn:aws:iam::111122223333:user/app",
                "arn:aws:iam::111122223333:root", "arn:aws:iam::11112222333:role/app",
                "arn:aws:iam:us-east-1:111122223333:role/app", "arn:aws:sts::111122223333:assumed-role/app/s",
                "arn:aws:iam::111122223333:role/", "arn:aws:iam::111122223333:role/team/", "arn:aws:iam::111122223333:role/a*",
                "arn:aws:iam::111122223333:role/" + "n".repeat(65), "arn:other:iam::111122223333:role/app"}) {
            assertFalse(AwsSyntax.isRoleArn(text), text);
        }
    }
}
