package dev.policygen.eval.oracle;

import static dev.policygen.eval.Json.arr;
import static dev.policygen.eval.Json.member;
import static dev.policygen.eval.Json.obj;
import static dev.policygen.eval.Json.str;

import dev.policygen.InputException;
import dev.policygen.SourcePosition;
import dev.policygen.eval.AccessRequest;
import dev.policygen.eval.CompiledPolicy;
import dev.policygen.eval.ContextValue;
import dev.policygen.eval.Json;
import dev.policygen.eval.chain.Caller;
import dev.policygen.eval.chain.ChainEvaluator;
import dev.policygen.eval.chain.Hop;
import dev.policygen.eval.chain.LayeredPolicies;
import dev.policygen.eval.chain.TrustPolicyCompiler;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonWriter;
import dev.policygen.model.PolicyReader;
import dev.policygen.route53.Arn;
import dev.policygen.route53.StsNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One AssumeRole chain for the differential tests, in the form both evaluators read: the caller (an IAM
 * principal with its identity policies, permissions boundary and SCP levels; a service principal; or a web
 * identity), the role's trust policy and the RCP levels of the role's account, what the caller sends
 * ({@code assumeContext}), and optionally the request made as the role ({@link RoleRequest}). A role session
 * caller ({@code arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION}) has {@code callerRole}, its role's ARN with
 * the role's path, which the session ARN does not carry; null for other callers.
 *
 * <p>What AWS adds to the assume request itself is stated here, once, for the oracle (which derives no
 * context from the principal): an IAM caller's requests carry {@code aws:PrincipalArn} and
 * {@code aws:PrincipalAccount} (UG reference_policies_condition-keys); session tags ({@code aws:RequestTag/...})
 * make AWS authorize {@code sts:TagSession} too (UG id_session-tags). policygen's {@link ChainEvaluator}
 * derives both on its own, so a disagreement shows when it derives them differently.
 */
record ChainCase(long id, CallerKind kind, String callerArn, String callerRole, String roleArn, JsonNode trust,
        List<JsonNode> callerIdentity, Optional<JsonNode> callerBoundary, List<JsonNode> callerScps,
        List<JsonNode> roleRcps, List<ContextValue> assumeContext, Optional<RoleRequest> request) {

    enum CallerKind { IAM, SERVICE, WEB_IDENTITY }

    /** The last hop: a generated Route 53 pair made as the role, under its boundary, SCPs and session policy. */
    record RoleRequest(OraclePair pair, Optional<JsonNode> boundary, List<JsonNode> scps, Optional<JsonNode> session) {
    }

    String roleAccount() {
        return Arn.parse(roleArn).account();
    }

    /** The line chain-driver.js reads: every hop of the chain, in order. */
    String toJsonLine() {
        List<JsonNode> hops = new ArrayList<>();
        String action = kind == CallerKind.WEB_IDENTITY ? StsNames.ASSUME_ROLE_WITH_WEB_IDENTITY : StsNames.ASSUME_ROLE;
        hops.add(assumeHop(action));
        if (assumeContext.stream().anyMatch(v -> v.key().startsWith("aws:RequestTag/"))) {
            hops.add(assumeHop(StsNames.TAG_SESSION));
        }
        request.ifPresent(r -> {
            List<JsonNode.Member> hop = new ArrayList<>(List.of(member("principal", str(roleArn)),
                    member("action", str(r.pair().action())), member("resource", str(r.pair().resource())),
                    member("resourceAccount", str(roleAccount())), member("context", context(r.pair().context())),
                    member("identity", arr(r.pair().policies())), member("scps", levels(r.scps())),
                    member("rcps", levels(roleRcps))));
            r.boundary().ifPresent(b -> hop.add(member("boundary", arr(List.of(b)))));
            r.session().ifPresent(s -> hop.add(member("session", s)));
            hops.add(Json.obj(hop));
        });
        return JsonWriter.minified(obj("id", new JsonNode.JsonNumber(Long.toString(id), SourcePosition.UNKNOWN),
                "hops", arr(hops)));
    }

    private JsonNode assumeHop(String action) {
        // TagSession's own keys per the Service Authorization Reference: the global aws: keys and its tag keys
        List<ContextValue> sent = new ArrayList<>(action.equals(StsNames.TAG_SESSION)
                ? assumeContext.stream().filter(v -> v.key().startsWith("aws:")).toList() : assumeContext);
        List<JsonNode.Member> hop = new ArrayList<>(List.of(member("principal", str(callerArn)),
                member("action", str(action)), member("resource", str(roleArn)),
                member("resourceAccount", str(roleAccount())), member("trust", trust), member("rcps", levels(roleRcps))));
        if (kind == CallerKind.IAM) {
            sent.add(ContextValue.single(StsNames.KEY_PRINCIPAL_ARN, callerRole != null ? callerRole : callerArn));
            sent.add(ContextValue.single(StsNames.KEY_PRINCIPAL_ACCOUNT, Arn.parse(callerArn).account()));
            hop.add(member("identity", arr(callerIdentity)));
            hop.add(member("scps", levels(callerScps)));
            callerBoundary.ifPresent(b -> hop.add(member("boundary", arr(List.of(b)))));
        }
        if (kind == CallerKind.WEB_IDENTITY) {
            hop.add(member("webIdentity", new JsonNode.JsonBoolean(true, SourcePosition.UNKNOWN)));
        }
        hop.add(member("context", context(sent)));
        return Json.obj(hop);
    }

    private static JsonNode levels(List<JsonNode> policies) {
        List<JsonNode> levels = new ArrayList<>();
        policies.forEach(p -> levels.add(arr(List.of(p))));
        return arr(levels);
    }

    private static JsonNode context(List<ContextValue> values) {
        List<JsonNode.Member> members = new ArrayList<>();
        for (ContextValue value : values) {
            members.add(member(value.key(), value.multiValued() ? Json.strings(value.values()) : str(value.value())));
        }
        return Json.obj(members);
    }

    /** policygen's hops: the assume hop(s) and, when there is a request and they allow, the request. */
    List<Hop> evaluate() throws InputException {
        int[] index = {0};
        List<CompiledPolicy> rcps = compileAll(roleRcps, "rcp", index);
        LayeredPolicies callerPolicies = new LayeredPolicies(List.of(), compileAll(callerScps, "caller-scp", index),
                compileAll(callerIdentity, "caller", index), compileOne(callerBoundary, "caller-boundary", index),
                Optional.empty());
        Caller caller = callerRole != null ? Caller.session(callerArn, callerRole, callerPolicies)
                : new Caller(callerArn, kind == CallerKind.WEB_IDENTITY, callerPolicies);
        CompiledPolicy trustPolicy = TrustPolicyCompiler.compile(JsonWriter.minified(trust), "trust", index[0]++);
        LayeredPolicies assumeOnly = new LayeredPolicies(rcps, List.of(), List.of(), Optional.empty(), Optional.empty());
        List<Hop> assumed = new ChainEvaluator(caller, roleArn, trustPolicy, assumeOnly).assumeHops(assumeContext);
        if (request.isEmpty() || !assumed.get(assumed.size() - 1).decision().allowed()) {
            // most chains stop here: the role's own policies are compiled only when the request is reached
            return assumed;
        }
        RoleRequest r = request.get();
        LayeredPolicies role = new LayeredPolicies(rcps, compileAll(r.scps(), "scp", index),
                compileAll(r.pair().policies(), "policy", index), compileOne(r.boundary(), "boundary", index),
                compileOne(r.session(), "session", index));
        AccessRequest hop2 = r.pair().request();
        return new ChainEvaluator(caller, roleArn, trustPolicy, role).evaluate(assumeContext, hop2).hops();
    }

    private static List<CompiledPolicy> compileAll(List<JsonNode> policies, String name, int[] index)
            throws InputException {
        List<CompiledPolicy> compiled = new ArrayList<>();
        for (JsonNode policy : policies) {
            compiled.add(compile(policy, name, index));
        }
        return compiled;
    }

    private static Optional<CompiledPolicy> compileOne(Optional<JsonNode> policy, String name, int[] index)
            throws InputException {
        return policy.isEmpty() ? Optional.empty() : Optional.of(compile(policy.get(), name, index));
    }

    private static CompiledPolicy compile(JsonNode policy, String name, int[] index) throws InputException {
        int i = index[0]++;
        return CompiledPolicy.compile(PolicyReader.fromJson(policy, name + "-" + i), i, name + "-" + i);
    }

    /** The features of this case behind known differences: its policies' and the chain's own. */
    List<String> features() {
        List<String> features = new ArrayList<>(DifferenceFeatures.of(allPolicies()));
        if (kind == CallerKind.WEB_IDENTITY && DifferenceFeatures.namesAccountPrincipal(trust, Arn.parse(callerArn).account())) {
            features.add(DifferenceFeatures.ACCOUNT_PRINCIPAL_WEB_IDENTITY);
        }
        return features;
    }

    /** Every policy of the case with the last hop's request, for {@link DifferenceFeatures}. */
    OraclePair allPolicies() {
        List<JsonNode> all = new ArrayList<>(List.of(trust));
        all.addAll(callerIdentity);
        callerBoundary.ifPresent(all::add);
        all.addAll(callerScps);
        all.addAll(roleRcps);
        List<ContextValue> context = new ArrayList<>(assumeContext);
        request.ifPresent(r -> {
            all.addAll(r.pair().policies());
            r.boundary().ifPresent(all::add);
            all.addAll(r.scps());
            r.session().ifPresent(all::add);
            context.addAll(r.pair().context());
        });
        return new OraclePair(id, all, "", "", context);
    }

    String describe() {
        StringBuilder out = new StringBuilder();
        out.append("caller: ").append(kind).append(' ').append(callerArn)
                .append(callerRole != null ? " (session of " + callerRole + ")" : "").append(" -> ").append(roleArn)
                .append('\n');
        out.append("sends: ").append(assumeContext).append('\n');
        out.append("trust: ").append(JsonWriter.minified(trust)).append('\n');
        callerIdentity.forEach(p -> out.append("caller policy: ").append(JsonWriter.minified(p)).append('\n'));
        callerBoundary.ifPresent(p -> out.append("caller boundary: ").append(JsonWriter.minified(p)).append('\n'));
        callerScps.forEach(p -> out.append("caller scp level: ").append(JsonWriter.minified(p)).append('\n'));
        roleRcps.forEach(p -> out.append("role rcp level: ").append(JsonWriter.minified(p)).append('\n'));
        request.ifPresent(r -> {
            out.append("as the role: ").append(r.pair().describe());
            r.boundary().ifPresent(p -> out.append("role boundary: ").append(JsonWriter.minified(p)).append('\n'));
            r.scps().forEach(p -> out.append("role scp level: ").append(JsonWriter.minified(p)).append('\n'));
            r.session().ifPresent(p -> out.append("session policy: ").append(JsonWriter.minified(p)).append('\n'));
        });
        return out.toString();
    }
}
