package dev.policygen.lint;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.policygen.generate.SizeLimit;
import java.nio.charset.StandardCharsets;

/**
 * Jazzer: CloudFormation templates in YAML (and JSON, which YAML reads too), with intrinsic
 * functions, inline role policies and managed policies. Seeds are in
 * LintCloudFormationFuzzTestInputs; see {@link LintPolicyJsonFuzzTest} for how it runs.
 */
class LintCloudFormationFuzzTest {

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({"AWSTemplateFormatVersion: ", "Resources:", "Type: ", "AWS::IAM::Role", "AWS::IAM::Policy",
        "AWS::IAM::ManagedPolicy", "Properties:", "Policies:", "PolicyDocument:", "PolicyName: ", "Statement:",
        "- Effect: Allow", "Action:", "Resource:", "Condition:", "!Sub ", "!Ref ", "!GetAtt ", "!Join ", "Fn::Sub",
        "Ref", "&anchor", "*anchor", "<<: ", "---", "? ", "| ", ">- ", "!!binary ", "'", "\"",
        "route53:ChangeResourceRecordSets", "ForAllValues:StringEquals",
        "route53:ChangeResourceRecordSetsNormalizedRecordNames", "arn:${AWS::Partition}:route53:::hostedzone/"})
    void cloudFormationTemplate(byte[] input) {
        LintInvariants.lintAndRender("template.yaml", new String(input, StandardCharsets.UTF_8), SizeLimit.MANAGED);
    }
}
