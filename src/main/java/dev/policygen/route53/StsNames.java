package dev.policygen.route53;

import java.util.List;
import java.util.Optional;

/**
 * The STS action names and the condition keys a role's trust policy is judged by, spelled once (as
 * AWS documents them; IAM compares both case-insensitively). Sources:
 * ../shared/reference/identity-and-fleet.md section 1 (trust shapes per runtime, the confused-deputy
 * keys, GitHub's {@code sub} formats).
 */
public final class StsNames {
    public static final String ASSUME_ROLE = "sts:AssumeRole";
    public static final String ASSUME_ROLE_WITH_WEB_IDENTITY = "sts:AssumeRoleWithWebIdentity";
    public static final String ASSUME_ROLE_WITH_SAML = "sts:AssumeRoleWithSAML";
    public static final String TAG_SESSION = "sts:TagSession";
    /** The three actions that make a role's credentials: what a trust policy is about. */
    public static final List<String> ASSUME_ROLE_ACTIONS = List.of(ASSUME_ROLE, ASSUME_ROLE_WITH_WEB_IDENTITY,
            ASSUME_ROLE_WITH_SAML);

    /** Present only when the caller passes ExternalId to AssumeRole. */
    public static final String KEY_EXTERNAL_ID = "sts:ExternalId";
    public static final String KEY_PRINCIPAL_ARN = "aws:PrincipalArn";
    public static final String KEY_PRINCIPAL_ACCOUNT = "aws:PrincipalAccount";
    public static final String KEY_PRINCIPAL_ORG_ID = "aws:PrincipalOrgID";
    public static final String KEY_PRINCIPAL_ORG_PATHS = "aws:PrincipalOrgPaths";
    /** Present only when an AWS service principal calls on a resource's behalf (confused-deputy guard). */
    public static final String KEY_SOURCE_ACCOUNT = "aws:SourceAccount";
    public static final String KEY_SOURCE_ARN = "aws:SourceArn";
    public static final String KEY_SOURCE_ORG_ID = "aws:SourceOrgID";
    public static final String KEY_SOURCE_ORG_PATHS = "aws:SourceOrgPaths";

    /** The OIDC claim keys of a web-identity provider are {@code HOST:sub}, {@code HOST:aud}. */
    public static final String CLAIM_SUBJECT = "sub";
    public static final String CLAIM_AUDIENCE = "aud";

    /** GitHub's OIDC issuer host, the provider of {@code repo:OWNER/REPO:...} subjects. */
    public static final String GITHUB_OIDC_HOST = "token.actions.githubusercontent.com";
    /** The start of an EKS cluster's issuer host ({@code oidc.eks.REGION.amazonaws.com/id/ID}). */
    public static final String EKS_OIDC_HOST_PREFIX = "oidc.eks.";
    /** EKS IRSA subjects: {@code system:serviceaccount:NAMESPACE:NAME}. */
    public static final String EKS_SUBJECT_PREFIX = "system:serviceaccount:";
    /** GitHub subjects: {@code repo:OWNER/REPO:ref:...}, {@code ...:environment:...}, {@code ...:pull_request}. */
    public static final String GITHUB_SUBJECT_PREFIX = "repo:";
    /** The IAM resource type of an OIDC identity provider in a Federated principal's ARN. */
    public static final String OIDC_PROVIDER_RESOURCE = "oidc-provider/";
    public static final String SAML_PROVIDER_RESOURCE = "saml-provider/";
    /** Web-identity providers STS knows by name rather than by an IAM provider ARN. */
    public static final List<String> NAMED_WEB_IDENTITY_PROVIDERS = List.of("cognito-identity.amazonaws.com",
            "accounts.google.com", "graph.facebook.com", "www.amazon.com");

    /** EKS Pod Identity's service principal; it needs sts:TagSession besides sts:AssumeRole. */
    public static final String EKS_POD_IDENTITY_SERVICE = "pods.eks.amazonaws.com";
    public static final String ECS_TASKS_SERVICE = "ecs-tasks.amazonaws.com";

    private StsNames() {
    }

    /**
     * The issuer host path an OIDC provider ARN ({@code arn:PARTITION:iam::ACCOUNT:oidc-provider/HOST})
     * names, the prefix of its claim keys ({@code HOST:sub}); empty for any other text. One home for the
     * lint rules that read a trust policy's Federated principal and for simulate's web-identity caller.
     */
    public static Optional<String> oidcProviderHost(String arn) {
        Arn parsed = Arn.parse(arn);
        if (parsed == null || !parsed.resource().startsWith(OIDC_PROVIDER_RESOURCE)
                || parsed.resource().length() == OIDC_PROVIDER_RESOURCE.length()) {
            return Optional.empty();
        }
        return Optional.of(parsed.resource().substring(OIDC_PROVIDER_RESOURCE.length()));
    }
}
