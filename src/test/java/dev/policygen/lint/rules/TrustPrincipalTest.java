package dev.policygen.lint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.policygen.InputException;
import dev.policygen.json.JsonReader;
import dev.policygen.lint.LintOptions;
import dev.policygen.lint.LintedPolicy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading a statement's principals and what each one is. */
class TrustPrincipalTest {

    private static List<TrustPrincipal> principals(String principal) {
        String json = "{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": " + principal + ", \"Action\": \"sts:AssumeRole\"}}";
        LintedPolicy policy;
        try {
            policy = LintedPolicy.parsed("t.json", "", JsonReader.read(json, "t.json"), LintOptions.DEFAULT);
        } catch (InputException e) {
            throw new AssertionError(e);
        }
        return TrustPrincipal.of(policy.statements().get(0));
    }

    private static TrustPrincipal one(String type, String value) {
        return principals("{\"" + type + "\": \"" + value + "\"}").get(0);
    }

    @Test
    void everyValueOfEveryTypeWithItsPositionAndAnyoneAsAString() {
        List<TrustPrincipal> all = principals("{\"AWS\": [\"111122223333\", 7], \"Service\": \"ec2.amazonaws.com\"}");
        assertEquals(List.of("AWS 111122223333", "Service ec2.amazonaws.com"),
                all.stream().map(p -> p.type() + " " + p.value()).toList());
        assertEquals(1, all.get(0).position().line());
        assertEquals(true, principals("\"*\"").get(0).isAnyone());
        assertEquals(true, one("AWS", "*").isAnyone());
        assertEquals(false, one("Service", "*").isAnyone());
        assertEquals(List.of(), principals("[\"*\"]"));
    }

    @Test
    void accountsInEveryPartitionAndAsBareIdsButNotRolesOrShortIds() {
        assertEquals(true, one("AWS", "arn:aws:iam::111122223333:root").isAccount());
        assertEquals(true, one("AWS", "arn:aws-us-gov:iam::111122223333:root").isAccount());
        assertEquals(true, one("AWS", "arn:aws-cn:iam::111122223333:root").isAccount());
        assertEquals(true, one("AWS", "111122223333").isAccount());
        assertEquals(false, one("AWS", "11112222333").isAccount());
        assertEquals(false, one("AWS", "arn:aws:iam::111122223333:role/root").isAccount());
        assertEquals(false, one("Service", "111122223333").isAccount());
    }

    @Test
    void oidcHostsOfProviderArnsAndNamedProvidersButNotSaml() {
        assertEquals(Optional.of("oidc.eks.eu-west-1.amazonaws.com/id/ABC"), one("Federated",
                "arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC").oidcHost());
        assertEquals(Optional.of("token.actions.githubusercontent.com"), one("Federated",
                "arn:aws-us-gov:iam::111122223333:oidc-provider/token.actions.githubusercontent.com").oidcHost());
        assertEquals(Optional.of("cognito-identity.amazonaws.com"), one("Federated", "cognito-identity.amazonaws.com").oidcHost());
        assertEquals(Optional.empty(), one("Federated", "arn:aws:iam::111122223333:saml-provider/Idp").oidcHost());
        assertEquals(true, one("Federated", "arn:aws:iam::111122223333:saml-provider/Idp").isSamlProvider());
        assertEquals(Optional.empty(), one("Federated", "arn:aws:iam::111122223333:oidc-provider/").oidcHost());
        assertEquals(Optional.empty(), one("AWS", "arn:aws:iam::111122223333:oidc-provider/x.example").oidcHost());
    }
}
