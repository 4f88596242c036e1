package dev.policygen.lint;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.policygen.generate.SizeLimit;
import java.nio.charset.StandardCharsets;

/**
 * Jazzer: policy documents and get-policy-version output, as a .json file and as stdin (where the
 * input kind is recognized from the text). Plain {@code mvn test} replays the committed seeds in
 * LintPolicyJsonFuzzTestInputs; {@code JAZZER_FUZZ=1} fuzzes from them (src/test/fuzz/fuzz.sh).
 * One fuzz test per class: Jazzer fuzzes a single test per JVM, and the fuzz script forks per class.
 */
class LintPolicyJsonFuzzTest {

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({"\"Version\"", "\"2012-10-17\"", "\"Statement\"", "\"Effect\"", "\"Allow\"", "\"Deny\"",
        "\"Action\"", "\"NotAction\"", "\"Resource\"", "\"NotResource\"", "\"Condition\"", "\"Sid\"",
        "\"Principal\"", "\"ForAllValues:StringEquals\"", "\"ForAnyValue:StringLike\"", "\"StringLike\"",
        "\"NotIpAddress\"", "\"BoolIfExists\"", "\"Null\"", "\"route53:ChangeResourceRecordSets\"",
        "\"route53:ChangeResourceRecordSetsNormalizedRecordNames\"", "\"route53:ChangeResourceRecordSetsRecordTypes\"",
        "\"route53:ChangeResourceRecordSetsActions\"", "\"route53:GetChange\"", "\"route53:ListHostedZonesByName\"",
        "\"arn:aws:route53:::hostedzone/Z11111112222222333333\"", "\"arn:aws:route53:::change/*\"",
        "\"aws:SourceIp\"", "\"aws:ViaAWSService\"", "\"_acme-challenge.example.com\"", "\\\\052", "\"PolicyVersion\"",
        "\"Document\"", "${aws:username}"})
    void policyJson(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        // the size limit varies with the input so every limit's PG401 path is fuzzed
        SizeLimit limit = SizeLimit.values()[input.length % SizeLimit.values().length];
        LintInvariants.lintAndRender("policy.json", text, limit);
        LintInvariants.lintAndRender("-", text, limit);
    }
}
