package dev.policygen.observe;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The environment that points an AWS client at the sandbox and nowhere else (docs/design/local-e2e.md §5): the
 * proxy for HTTPS (and plain HTTP, so a stray call is caught too), the sandbox CA as the only CA
 * for AWS, loopback exempt from the proxy so local ACME servers stay reachable, no endpoint URL or
 * FIPS/dual-stack setting that would route calls past the proxy, and, unless real
 * credentials are forwarded, the sandbox's fake key with no profile, config file or metadata
 * service to fall back on.
 */
public final class ChildEnvironment {
    static final String NO_PROXY = "127.0.0.1,localhost,::1";
    /**
     * With real credentials the instance metadata service and the container credential endpoint
     * (plain HTTP, link-local) must stay reachable directly, or the proxy would refuse them.
     */
    static final String CREDENTIAL_ENDPOINTS = "169.254.169.254,169.254.170.2,fd00:ec2::254";
    private static final List<String> CREDENTIAL_SOURCES = List.of("AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN",
            "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE",
            "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN");

    /** The fake key the child signs with; null in forward mode, where its own credentials are kept. */
    public record FakeCredentials(String accessKeyId, String secretAccessKey) {
    }

    private ChildEnvironment() {
    }

    /**
     * Variables that send an SDK somewhere other than the standard public endpoint the proxy
     * intercepts: the FIPS and dual-stack host names would not be caught by the proxy (it intercepts
     * only the standard hosts the sandbox emulates), so they are removed in both modes. The endpoint
     * URL variables are removed by prefix ({@link #ENDPOINT_URL_PREFIX}).
     */
    private static final List<String> ENDPOINT_VARIANTS = List.of("AWS_USE_FIPS_ENDPOINT",
            "AWS_USE_DUALSTACK_ENDPOINT");
    /**
     * AWS_ENDPOINT_URL and its service-specific forms (AWS_ENDPOINT_URL_ROUTE_53, _S3, _IAM, _ACM,
     * _ELASTIC_LOAD_BALANCING, ... one per service in the SDKs' "service-specific endpoints" table),
     * which every current SDK and the AWS CLI read: any of them sends calls straight to that URL,
     * past the proxy, and observe would see nothing and enforce nothing.
     */
    static final String ENDPOINT_URL_PREFIX = "AWS_ENDPOINT_URL";

    /** Rewrites {@code environment} (a ProcessBuilder's) in place. */
    public static void apply(Map<String, String> environment, String proxyUrl, Path caBundle,
            FakeCredentials credentials) {
        environment.keySet().removeIf(name -> name.startsWith(ENDPOINT_URL_PREFIX));
        for (String name : ENDPOINT_VARIANTS) {
            environment.remove(name);
        }
        // the same setting in a config file (endpoint_url, a services section) is ignored by SDKs that
        // know it; with forwarding the child keeps its config file, so this is what stops it there
        environment.put("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true");
        for (String name : List.of("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy")) {
            environment.put(name, proxyUrl);
        }
        environment.remove("ALL_PROXY");
        environment.remove("all_proxy");
        String noProxy = credentials == null ? NO_PROXY + "," + CREDENTIAL_ENDPOINTS : NO_PROXY;
        environment.put("NO_PROXY", noProxy);
        environment.put("no_proxy", noProxy);
        environment.put("AWS_CA_BUNDLE", caBundle.toString());
        environment.putIfAbsent("AWS_REGION", "us-east-1");
        environment.putIfAbsent("AWS_DEFAULT_REGION", environment.get("AWS_REGION"));
        if (credentials == null) {
            return;
        }
        for (String name : CREDENTIAL_SOURCES) {
            environment.remove(name);
        }
        environment.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
        environment.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
        environment.put("AWS_CONFIG_FILE", "/dev/null");
        environment.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
    }
}
