package dev.policygen.sandbox;

import dev.policygen.InputException;
import dev.policygen.eval.CompiledPolicy;
import dev.policygen.eval.ContextValue;
import dev.policygen.model.PolicyReader;
import dev.policygen.route53.Arn;
import dev.policygen.route53.StsNames;
import dev.policygen.sandbox.sts.OidcIssuer;
import dev.policygen.sandbox.sts.StsRole;
import dev.policygen.sandbox.sts.TemporaryCredentials;
import dev.policygen.sandbox.sts.TokenRejected;
import dev.policygen.sandbox.sts.WebIdentityClaims;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * AWS STS over its Query protocol (API 2011-06-15; reference identity-and-fleet §3): AssumeRole,
 * AssumeRoleWithWebIdentity (taken unsigned, as AWS takes it) and GetCallerIdentity, answered in STS's
 * XML envelope, errors in the ErrorResponse envelope with AWS's codes and texts. Parameters are checked
 * as the service model constrains them before anything else; a web-identity token is verified by the
 * sandbox's {@link OidcIssuer}; the assumption itself is authorized by the pipeline (hop 1 of the chain)
 * and the role's own limits (MaxSessionDuration, role chaining's hour) are checked here afterwards.
 */
final class StsService implements EmulatedService<StsCall> {
    static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
    static final String VERSION = "2011-06-15";
    static final String ASSUME_ROLE = "AssumeRole";
    static final String ASSUME_ROLE_WITH_WEB_IDENTITY = "AssumeRoleWithWebIdentity";
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]*");
    /** The role chaining limit: a session assumed with another session's credentials lasts at most an hour. */
    private static final Duration CHAINED_MAX = Duration.ofHours(1);
    private static final int DEFAULT_DURATION = 3600;

    private final Principals principals;
    private final OidcIssuer issuer;
    private final Clock clock;

    StsService(Principals principals, OidcIssuer issuer, Clock clock) {
        this.principals = principals;
        this.issuer = issuer;
        this.clock = clock;
    }

    /** An unsigned request for the one STS operation AWS takes unsigned. */
    static boolean unsignedCall(HttpRequest http) {
        return http.header("Authorization") == null
                && ASSUME_ROLE_WITH_WEB_IDENTITY.equals(QueryProtocol.parameters(http).get("Action"));
    }

    @Override
    public String signingName() {
        return "sts";
    }

    @Override
    public boolean unsigned(HttpRequest http) {
        return unsignedCall(http);
    }

    @Override
    public StsCall read(HttpRequest http, SigV4Verifier.Signed signature, StsCall routed) throws Route53Error {
        Map<String, String> parameters = QueryProtocol.parameters(http);
        String action = parameters.getOrDefault("Action", "");
        String version = parameters.get("Version");
        if (!VERSION.equals(version)) {
            throw QueryProtocol.unknownAction(action, String.valueOf(version));
        }
        String accessKeyId = signature == null ? null : signature.accessKeyId();
        return switch (action) {
            case "GetCallerIdentity" -> StsCall.getCallerIdentity(accessKeyId);
            case ASSUME_ROLE -> assumeRole(parameters, accessKeyId);
            case ASSUME_ROLE_WITH_WEB_IDENTITY -> assumeRoleWithWebIdentity(parameters);
            default -> throw QueryProtocol.unknownAction(action, version);
        };
    }

    private StsCall assumeRole(Map<String, String> parameters, String accessKeyId) throws Route53Error {
        StsParameters checked = new StsParameters(parameters);
        String roleArn = checked.length("RoleArn", 20, 2048, true);
        String sessionName = checked.sessionName();
        Integer duration = checked.duration();
        String externalId = checked.length("ExternalId", 2, 1224, false);
        if (externalId != null) {
            checked.pattern("ExternalId", externalId, EXTERNAL_ID);
        }
        String policy = checked.length("Policy", 1, 2048, false);
        checked.throwIfAny();
        List<ContextValue> context = new ArrayList<>();
        if (externalId != null) {
            // present only when the caller passes ExternalId (reference identity-and-fleet 1.3)
            context.add(ContextValue.single(StsNames.KEY_EXTERNAL_ID, externalId));
        }
        context.add(ContextValue.single("sts:RoleSessionName", sessionName));
        return new StsCall(ASSUME_ROLE, StsNames.ASSUME_ROLE, roleArn, accessKeyId, sessionName, duration,
                sessionPolicy(policy), context, null, null);
    }

    private StsCall assumeRoleWithWebIdentity(Map<String, String> parameters) throws Route53Error {
        StsParameters checked = new StsParameters(parameters);
        String roleArn = checked.length("RoleArn", 20, 2048, true);
        String sessionName = checked.sessionName();
        String token = checked.length("WebIdentityToken", 4, 20000, true);
        Integer duration = checked.duration();
        String policy = checked.length("Policy", 1, 2048, false);
        checked.throwIfAny();
        WebIdentityClaims claims;
        try {
            claims = issuer.verify(token, clock.instant());
        } catch (TokenRejected e) {
            throw Route53Error.sender(400, e.code(), e.getMessage());
        }
        Arn role = Arn.parse(roleArn);
        String provider = issuer.providerArn(role == null ? "aws" : role.partition(),
                role == null ? principals.accounts().defaultAccount() : role.account());
        String host = issuer.host();
        List<ContextValue> context = new ArrayList<>();
        context.add(ContextValue.single(host + ":" + StsNames.CLAIM_SUBJECT, claims.subject()));
        context.add(claims.audiences().size() == 1
                ? ContextValue.single(host + ":" + StsNames.CLAIM_AUDIENCE, claims.audiences().get(0))
                : ContextValue.multi(host + ":" + StsNames.CLAIM_AUDIENCE, claims.audiences()));
        if (!claims.amr().isEmpty()) {
            context.add(ContextValue.multi(host + ":amr", claims.amr()));
        }
        context.add(ContextValue.single("sts:RoleSessionName", sessionName));
        return new StsCall(ASSUME_ROLE_WITH_WEB_IDENTITY, StsNames.ASSUME_ROLE_WITH_WEB_IDENTITY, roleArn, null,
                sessionName, duration, sessionPolicy(policy), context, provider, claims);
    }

    /** A session policy, read as any policy; one that does not read is MalformedPolicyDocument. */
    private static Optional<CompiledPolicy> sessionPolicy(String text) throws Route53Error {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(CompiledPolicy.compile(PolicyReader.read(text, "session policy"), 0, "session policy"));
        } catch (InputException e) {
            throw Route53Error.sender(400, "MalformedPolicyDocument", "The policy is not in the valid JSON format. "
                    + e.getMessage());
        }
    }

    @Override
    public HttpResponse execute(StsCall call, HttpRequest http, String requestId) throws Route53Error {
        return execute(call, http, requestId, call.accessKeyId());
    }

    @Override
    public HttpResponse execute(StsCall call, HttpRequest http, String requestId, String accessKeyId)
            throws Route53Error {
        if (!call.assumption()) {
            SandboxPrincipal caller = principals.resolve(accessKeyId);
            StringBuilder xml = new StringBuilder();
            XmlResponses.element(xml, "UserId", caller.userId());
            XmlResponses.element(xml, "Account", caller.account());
            XmlResponses.element(xml, "Arn", caller.arn());
            return QueryProtocol.response(NAMESPACE, call.operation(), xml.toString(), requestId);
        }
        // authorized, so the role exists
        StsRole role = principals.accounts().role(call.resource()).orElseThrow();
        boolean chained = !call.webIdentity() && principals.sessions().find(accessKeyId).isPresent();
        Duration duration = duration(call, role, chained);
        TemporaryCredentials credentials = principals.sessions().issue(role, call.sessionName(), duration,
                call.sessionPolicy(), clock.instant());
        StringBuilder xml = new StringBuilder("<Credentials>");
        XmlResponses.element(xml, "AccessKeyId", credentials.accessKeyId());
        XmlResponses.element(xml, "SecretAccessKey", credentials.secretAccessKey());
        XmlResponses.element(xml, "SessionToken", credentials.sessionToken());
        XmlResponses.element(xml, "Expiration", credentials.expiration().toString());
        xml.append("</Credentials>");
        if (call.webIdentity()) {
            XmlResponses.element(xml, "SubjectFromWebIdentityToken", call.claims().subject());
        }
        xml.append("<AssumedRoleUser>");
        XmlResponses.element(xml, "AssumedRoleId", credentials.assumedRoleId());
        XmlResponses.element(xml, "Arn", credentials.sessionArn());
        xml.append("</AssumedRoleUser>");
        if (call.webIdentity()) {
            XmlResponses.element(xml, "Provider", call.claims().issuer());
            XmlResponses.element(xml, "Audience", call.claims().audiences().get(0));
        }
        return QueryProtocol.response(NAMESPACE, call.operation(), xml.toString(), requestId);
    }

    /** The session's length: DurationSeconds or an hour, within the role's maximum and role chaining's hour. */
    private static Duration duration(StsCall call, StsRole role, boolean chained) throws Route53Error {
        if (call.durationSeconds() == null) {
            Duration wanted = Duration.ofSeconds(DEFAULT_DURATION);
            return wanted.compareTo(role.maxSessionDuration()) > 0 ? role.maxSessionDuration() : wanted;
        }
        Duration wanted = Duration.ofSeconds(call.durationSeconds());
        if (chained && wanted.compareTo(CHAINED_MAX) > 0) {
            throw Route53Error.sender(400, "ValidationError", "The requested DurationSeconds exceeds the 1 hour session "
                    + "limit for roles assumed by role chaining.");
        }
        if (wanted.compareTo(role.maxSessionDuration()) > 0) {
            throw Route53Error.sender(400, "ValidationError", "The requested DurationSeconds exceeds the "
                    + "MaxSessionDuration set for this role.");
        }
        return wanted;
    }

    @Override
    public HttpResponse error(Route53Error error, HttpRequest http, String requestId) {
        return QueryProtocol.error(NAMESPACE, error, requestId);
    }
}
