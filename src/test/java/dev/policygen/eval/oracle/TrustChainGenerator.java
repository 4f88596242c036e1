package dev.policygen.eval.oracle;

import static dev.policygen.eval.Json.arr;
import static dev.policygen.eval.Json.member;
import static dev.policygen.eval.Json.obj;
import static dev.policygen.eval.Json.str;

import dev.policygen.eval.ContextValue;
import dev.policygen.eval.Json;
import dev.policygen.eval.oracle.ChainCase.CallerKind;
import dev.policygen.json.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Seeded random AssumeRole chains (issue 11, "Simulate across the chain"): a caller of each kind
 * (same- and cross-account IAM users and roles with identity policies, boundary and SCP levels; service
 * principals sending aws:SourceAccount/SourceArn and, for EKS Pod Identity, session tags; role sessions, one
 * of a role with a path, whose role a Principal and aws:PrincipalArn name; GitHub and EKS
 * web identities sending sub/aud claims), a trust policy of 1-3 statements whose principals, actions and
 * conditions ({@link TrustStatements}) are drawn so that they often name the caller and often do not, the
 * role account's RCP levels, and the request made as the role ({@link LayeredCaseGenerator}'s shapes plus
 * a session policy). Pools are small on purpose so that policies and requests meet.
 */
final class TrustChainGenerator {
    static final String ROLE_ACCOUNT = "222233334444";
    static final String OTHER_ACCOUNT = "111122223333";
    static final String ROLE_ARN = "arn:aws:iam::" + ROLE_ACCOUNT + ":role/dns-acme";
    static final List<String> IAM_CALLERS = List.of("arn:aws:iam::" + ROLE_ACCOUNT + ":role/workload",
            "arn:aws:iam::" + ROLE_ACCOUNT + ":user/alice", "arn:aws:iam::" + OTHER_ACCOUNT + ":role/traefik",
            "arn:aws:iam::" + OTHER_ACCOUNT + ":user/bob", "arn:aws:iam::" + OTHER_ACCOUNT + ":role/path/ci",
            "arn:aws:sts::" + OTHER_ACCOUNT + ":assumed-role/ci/run-7",
            "arn:aws:sts::" + ROLE_ACCOUNT + ":assumed-role/workload/s1");
    /**
     * The role of each session caller, path included: a session ARN carries only the role's name, and a
     * Principal or aws:PrincipalArn names the role with its path. Only roles that exist are ever named
     * (a role name is unique in its account whatever the path, and IAM refuses a trust naming a role that
     * does not exist), so no case names {@code role/ci} at path {@code /}.
     */
    static final Map<String, String> SESSION_ROLES = Map.of(
            "arn:aws:sts::" + OTHER_ACCOUNT + ":assumed-role/ci/run-7", "arn:aws:iam::" + OTHER_ACCOUNT + ":role/path/ci",
            "arn:aws:sts::" + ROLE_ACCOUNT + ":assumed-role/workload/s1", "arn:aws:iam::" + ROLE_ACCOUNT + ":role/workload");
    static final List<String> SERVICES = List.of("ecs-tasks.amazonaws.com", "lambda.amazonaws.com",
            "ec2.amazonaws.com", "pods.eks.amazonaws.com");
    static final String GITHUB = "token.actions.githubusercontent.com";
    static final String EKS = "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";

    private final Random random;
    private final TrustStatements statements;
    private final Route53PairGenerator pairs;
    private final Route53PairGenerator others;
    private long next;

    TrustChainGenerator(long seed) {
        this.random = new Random(seed);
        this.statements = new TrustStatements(random);
        this.pairs = new Route53PairGenerator(seed ^ 0x7a11L);
        this.others = new Route53PairGenerator(seed ^ 0x0dd5L);
    }

    ChainCase next() {
        long id = ++next;
        int roll = random.nextInt(4);
        CallerKind kind = roll < 2 ? CallerKind.IAM : roll == 2 ? CallerKind.SERVICE : CallerKind.WEB_IDENTITY;
        String caller = switch (kind) {
            case IAM -> pick(IAM_CALLERS);
            case SERVICE -> pick(SERVICES);
            case WEB_IDENTITY -> "arn:aws:iam::" + ROLE_ACCOUNT + ":oidc-provider/" + (random.nextBoolean() ? GITHUB : EKS);
        };
        List<JsonNode> trust = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            trust.add(statements.statement(kind, caller, i == 0 && random.nextInt(10) < 8));
        }
        boolean iam = kind == CallerKind.IAM;
        List<JsonNode> callerIdentity = new ArrayList<>();
        int policies = iam ? random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(2) : 0;
        for (int i = 0; i < policies; i++) {
            callerIdentity.add(policy(pick(CallerPolicies.IDENTITY)));
        }
        Optional<JsonNode> boundary = iam && random.nextInt(10) < 3
                ? Optional.of(policy(pick(CallerPolicies.BOUNDARIES))) : Optional.empty();
        List<JsonNode> scps = new ArrayList<>();
        int levels = iam ? random.nextInt(3) : 0;
        for (int i = 0; i < levels; i++) {
            scps.add(policy(pick(CallerPolicies.SCPS)));
        }
        List<JsonNode> rcps = random.nextInt(10) < 2 ? List.of(policy(pick(CallerPolicies.RCPS))) : List.of();
        return new ChainCase(id, kind, caller, kind == CallerKind.IAM ? SESSION_ROLES.get(caller) : null, ROLE_ARN,
                document(trust), callerIdentity, boundary, scps, rcps,
                statements.sent(kind, caller), Optional.of(roleRequest()));
    }

    private ChainCase.RoleRequest roleRequest() {
        OraclePair pair = pairs.next();
        Optional<JsonNode> boundary = random.nextInt(3) == 0 ? Optional.of(layer()) : Optional.empty();
        List<JsonNode> scps = random.nextInt(3) == 0 ? List.of(layer()) : List.of();
        Optional<JsonNode> session = random.nextInt(10) < 3 ? Optional.of(layer()) : Optional.empty();
        return new ChainCase.RoleRequest(pair, boundary, scps, session);
    }

    private JsonNode layer() {
        return random.nextBoolean() ? policy(CallerPolicies.FULL_ACCESS) : others.next().policies().get(0);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    static JsonNode document(List<JsonNode> statements) {
        return obj("Version", str("2012-10-17"), "Statement", arr(statements));
    }

    /** One statement as a policy document. */
    static JsonNode policy(JsonNode statement) {
        return document(List.of(statement));
    }

    static JsonNode statement(String effect, Object action, String resource, JsonNode condition) {
        List<JsonNode.Member> members = new ArrayList<>(List.of(member("Effect", str(effect)),
                member("Action", action instanceof List<?> list ? Json.strings(list.stream().map(String::valueOf).toList())
                        : str((String) action)),
                member("Resource", str(resource))));
        if (condition != null) {
            members.add(member("Condition", condition));
        }
        return Json.obj(members);
    }

    static List<ContextValue> tags(List<String[]> pairs) {
        List<ContextValue> values = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (String[] tag : pairs) {
            values.add(ContextValue.single("aws:RequestTag/" + tag[0], tag[1]));
            keys.add(tag[0]);
        }
        values.add(ContextValue.multi("aws:TagKeys", keys));
        return values;
    }
}
