package dev.policygen.lint.rules;

import dev.policygen.SourcePosition;
import dev.policygen.json.JsonNode;
import dev.policygen.lint.StatementView;
import dev.policygen.route53.StsNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One value of a statement's Principal: its type ({@code AWS}, {@code Service}, {@code Federated},
 * {@code CanonicalUser}, or {@value #ANYONE} for {@code "Principal": "*"}), the value, and where it is.
 * The trust rules (PG6xx) ask these what a principal is: anyone, an account, a service, an OIDC
 * provider. Sources: ../shared/reference/identity-and-fleet.md section 1.3.
 */
record TrustPrincipal(String type, String value, SourcePosition position) {
    static final String AWS = "AWS";
    static final String SERVICE = "Service";
    static final String FEDERATED = "Federated";
    /** The type of {@code "Principal": "*"}, which IAM reads as every principal of every type. */
    static final String ANYONE = "*";
    /** {@code arn:aws:iam::ACCOUNT:root} in any partition; the account, not its root user. */
    private static final Pattern ACCOUNT_ROOT = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:root");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    /** The principals of a statement's Principal element; values of the wrong JSON type are skipped. */
    static List<TrustPrincipal> of(StatementView statement) {
        List<TrustPrincipal> principals = new ArrayList<>();
        Optional<JsonNode> node = statement.object().get("Principal");
        if (node.isEmpty()) {
            return principals;
        }
        if (node.get() instanceof JsonNode.JsonString s) {
            principals.add(new TrustPrincipal(ANYONE, s.value(), s.position()));
        } else if (node.get() instanceof JsonNode.JsonObject types) {
            for (JsonNode.Member type : types.members()) {
                List<JsonNode> values = type.value() instanceof JsonNode.JsonArray a ? a.elements() : List.of(type.value());
                for (JsonNode value : values) {
                    if (value instanceof JsonNode.JsonString s) {
                        principals.add(new TrustPrincipal(type.key(), s.value(), s.position()));
                    }
                }
            }
        }
        return principals;
    }

    /** {@code "*"} or {@code {"AWS": "*"}}: every principal (of every account). */
    boolean isAnyone() {
        return value.equals("*") && (type.equals(ANYONE) || type.equals(AWS));
    }

    /** An account as principal: {@code arn:aws:iam::ACCOUNT:root} or the bare 12-digit id (the same thing). */
    boolean isAccount() {
        return type.equals(AWS) && (ACCOUNT_ROOT.matcher(value).matches() || ACCOUNT_ID.matcher(value).matches());
    }

    boolean isService(String service) {
        return type.equals(SERVICE) && value.equalsIgnoreCase(service);
    }

    boolean isFederated() {
        return type.equals(FEDERATED);
    }

    boolean isSamlProvider() {
        return isFederated() && value.contains(":" + StsNames.SAML_PROVIDER_RESOURCE);
    }

    /**
     * The issuer host path of a web-identity provider, the prefix of its claim keys ({@code HOST:sub}):
     * the part after {@code oidc-provider/} of an IAM OIDC provider ARN, or a provider STS knows by name
     * (Cognito, Google, Facebook, Amazon). Empty for SAML providers and other principals.
     */
    Optional<String> oidcHost() {
        if (!isFederated()) {
            return Optional.empty();
        }
        Optional<String> host = StsNames.oidcProviderHost(value);
        if (host.isPresent()) {
            return host;
        }
        return StsNames.NAMED_WEB_IDENTITY_PROVIDERS.stream().filter(value::equalsIgnoreCase).findFirst();
    }

    /** How a subject is shaped for the provider at {@code host}. */
    static SubjectShape subjectShape(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        if (lower.equals(StsNames.GITHUB_OIDC_HOST)) {
            return SubjectShape.GITHUB;
        }
        if (lower.startsWith(StsNames.EKS_OIDC_HOST_PREFIX)) {
            return SubjectShape.EKS;
        }
        return SubjectShape.OPAQUE;
    }

    /** The subject formats the wildcard check knows (reference section 1.2 and the IRSA row of 1.1). */
    enum SubjectShape {
        /** {@code repo:OWNER/REPO:...}: a wildcard after the repository narrows to refs of one repository. */
        GITHUB,
        /** {@code system:serviceaccount:NAMESPACE:NAME}: any wildcard spans service accounts or namespaces. */
        EKS,
        /** Another provider's subject: any wildcard spans subjects. */
        OPAQUE
    }
}
