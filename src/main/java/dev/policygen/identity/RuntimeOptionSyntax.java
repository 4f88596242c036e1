package dev.policygen.identity;

import dev.policygen.UsageException;
import dev.policygen.route53.Arn;
import dev.policygen.route53.AwsSyntax;
import java.util.regex.Pattern;

/**
 * The syntax of the runtime options' values, each checked to one line naming the value. Values that name
 * exactly one thing (a service account, a repository, a role) are refused with a wildcard or policy
 * variable in them: written into a trust condition they would admit every match.
 */
final class RuntimeOptionSyntax {
    /** IAM role names: 1 to 64 of {@code [\w+=,.@-]} (IAM CreateRole's RoleName). */
    private static final Pattern ROLE_NAME = Pattern.compile("[A-Za-z0-9_+=,.@-]{1,64}");
    /** STS AssumeRole's ExternalId: 2 to 1,224 of {@code [\w+=,.@:/-]} (reference identity-and-fleet 2, S19). */
    private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9_+=,.@:/-]{2,1224}");
    /** An OIDC issuer without its scheme: a host name, then {@code /id/ID} for EKS or another path. */
    private static final Pattern OIDC_PROVIDER = Pattern.compile(
            "(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}(?:/[A-Za-z0-9._~-]+)+");
    /** A Kubernetes namespace: an RFC 1123 label. */
    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    /** A Kubernetes service account name: an RFC 1123 subdomain, 253 characters at most. */
    private static final Pattern SERVICE_ACCOUNT = Pattern.compile(
            "[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*");
    /** GitHub owners: 1 to 39 letters, digits and single hyphens; repositories: letters, digits, . _ -. */
    private static final Pattern REPOSITORY = Pattern.compile(
            "[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}");
    /** An EKS cluster name (CreateCluster: 1 to 100, starting with a letter or digit). */
    private static final Pattern CLUSTER_NAME = Pattern.compile("[0-9A-Za-z][A-Za-z0-9_-]{0,99}");

    private RuntimeOptionSyntax() {
    }

    /** {@code --role-name} or {@code --dns-role-name} ({@code option}): IAM's rule for a role name. */
    static String roleName(String option, String value) throws UsageException {
        return checked(option, value, ROLE_NAME.matcher(value).matches(),
                "a role name is 1 to 64 letters, digits and _+=,.@-");
    }

    static String externalId(String value) throws UsageException {
        return checked("--external-id", value, EXTERNAL_ID.matcher(value).matches(),
                "an external id is 2 to 1224 letters, digits and _+=,.@:/- (STS AssumeRole ExternalId)");
    }

    /** {@code HOST/id/ID}; a leading {@code https://} is refused with the form to use. */
    static String oidcProvider(String value) throws UsageException {
        exact("--oidc-provider", value);
        if (value.startsWith("https://") || value.startsWith("http://")) {
            throw new UsageException(value, "--oidc-provider \"" + value + "\" is a URL; give the issuer without "
                    + "its scheme: " + value.substring(value.indexOf("://") + 3));
        }
        return checked("--oidc-provider", value, OIDC_PROVIDER.matcher(value).matches(),
                "expected the cluster's OIDC issuer without https://, e.g. oidc.eks.us-east-1.amazonaws.com/id/"
                        + "EXAMPLED539D4633E53DE1B71EXAMPLE");
    }

    /** {@code NAMESPACE/NAME}, both as Kubernetes names them. */
    static String[] serviceAccount(String value) throws UsageException {
        exact("--service-account", value);
        int slash = value.indexOf('/');
        boolean valid = slash > 0 && NAMESPACE.matcher(value.substring(0, slash)).matches()
                && value.length() - slash - 1 <= 253 && SERVICE_ACCOUNT.matcher(value.substring(slash + 1)).matches();
        checked("--service-account", value, valid,
                "expected NAMESPACE/NAME in Kubernetes' lower-case names, e.g. cert-manager/cert-manager");
        return new String[] {value.substring(0, slash), value.substring(slash + 1)};
    }

    /** {@code OWNER/REPO}. */
    static String repository(String value) throws UsageException {
        exact("--repository", value);
        boolean valid = REPOSITORY.matcher(value).matches() && !value.endsWith("/.") && !value.endsWith("/..")
                && !value.contains("--");
        return checked("--repository", value, valid, "expected OWNER/REPO as GitHub names them, e.g. octo-org/infra");
    }

    /**
     * {@code refs/heads/BRANCH}, {@code refs/tags/TAG}, or a bare branch name meaning
     * {@code refs/heads/NAME}; returns the full ref. Git's ref-name rules apply to the name.
     */
    static String ref(String value) throws UsageException {
        exact("--ref", value);
        String full = value.startsWith("refs/") ? value : "refs/heads/" + value;
        String name;
        if (full.startsWith("refs/heads/")) {
            name = full.substring("refs/heads/".length());
        } else if (full.startsWith("refs/tags/")) {
            name = full.substring("refs/tags/".length());
        } else {
            throw new UsageException(value, "--ref \"" + value + "\": expected refs/heads/BRANCH, refs/tags/TAG "
                    + "or a branch name (a pull request's token has sub repo:OWNER/REPO:pull_request, which this "
                    + "role does not trust)");
        }
        checked("--ref", value, gitRefName(name), "not a valid git branch or tag name");
        // the token's sub names the full ref (repo:OWNER/REPO:ref:refs/heads/main), never the bare branch
        return full;
    }

    /** A GitHub environment name: up to 255 characters, none of which ends the sub claim's field. */
    static String environment(String value) throws UsageException {
        exact("--environment", value);
        boolean valid = !value.isEmpty() && value.length() <= 255 && value.strip().equals(value)
                && value.chars().noneMatch(c -> c < 0x20 || c == ':' || c == '"' || c == '\\' || c == 0x7f);
        return checked("--environment", value, valid,
                "an environment name is 1 to 255 characters without ':', quotes, backslashes or surrounding spaces");
    }

    /** {@code arn:PARTITION:eks:REGION:ACCOUNT:cluster/NAME}. */
    static String clusterArn(String value) throws UsageException {
        exact("--cluster-arn", value);
        Arn arn = Arn.parse(value);
        boolean valid = arn != null && arn.partition().startsWith("aws") && arn.service().equals("eks")
                && AwsSyntax.isRegion(arn.region()) && AwsSyntax.isAccountId(arn.account())
                && arn.resource().startsWith("cluster/")
                && CLUSTER_NAME.matcher(arn.resource().substring("cluster/".length())).matches();
        return checked("--cluster-arn", value, valid, "expected arn:aws:eks:REGION:ACCOUNT:cluster/NAME");
    }

    /**
     * {@code arn:PARTITION:iam::ACCOUNT:role/[PATH/]NAME}: exactly one role. An account root or a user is
     * refused: trusting a root without a condition delegates to every principal of that account.
     */
    static String trustedRole(String value) throws UsageException {
        exact("--trusted-role", value);
        Arn arn = Arn.parse(value);
        if (arn != null && arn.service().equals("iam") && (arn.resource().equals("root") || value.matches("\\d{12}"))) {
            throw new UsageException(value, "--trusted-role \"" + value + "\" is an account root, which admits every "
                    + "principal of that account; give the role's ARN, arn:aws:iam::ACCOUNT:role/NAME");
        }
        return checked("--trusted-role", value, AwsSyntax.isRoleArn(value), "expected a role ARN, arn:aws:iam::ACCOUNT:role/NAME");
    }

    private static boolean gitRefName(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.endsWith("/") || name.endsWith(".") || name.contains("..")
                || name.contains("//") || name.contains("@{") || name.equals("@") || name.endsWith(".lock")) {
            return false;
        }
        for (String part : name.split("/")) {
            if (part.startsWith(".") || part.endsWith(".lock")) {
                return false;
            }
        }
        return name.chars().noneMatch(c -> c <= 0x20 || c == 0x7f || "~^:?*[\\".indexOf(c) >= 0);
    }

    /** Refuses {@code *}, {@code ?} and {@code ${} in a value documented as exact. */
    private static void exact(String option, String value) throws UsageException {
        String pattern = AwsSyntax.iamPatternIn(value);
        if (pattern != null) {
            throw new UsageException(value, option + " \"" + value + "\" holds \"" + pattern + "\", which IAM reads as "
                    + (pattern.equals("${") ? "a policy variable" : "a wildcard") + " in a trust condition; give the "
                    + "exact value: the role must trust exactly one " + option.substring(2).replace('-', ' '));
        }
    }

    private static String checked(String option, String value, boolean valid, String hint) throws UsageException {
        if (!valid) {
            throw new UsageException(value, "invalid " + option + " \"" + value + "\": " + hint);
        }
        return value;
    }
}
