package dev.policygen.eval.oracle;

import dev.policygen.InputException;
import dev.policygen.eval.CompiledPolicy;
import dev.policygen.eval.chain.LayeredPolicies;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import dev.policygen.json.JsonWriter;
import dev.policygen.model.PolicyReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Seeded cases for the layered differential test (issue 11): a {@link Route53PairGenerator} pair
 * (identity policies and request) put under a random permissions boundary and 0 to 2 SCP levels.
 * Boundaries and SCPs are either AWS's allow-everything shape or a policy of another generated pair,
 * so they allow, deny and fail to allow the same Route 53 requests.
 */
final class LayeredCaseGenerator {
    static final String FULL_ACCESS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

    /** One case: the identity pair, its boundary (maybe none) and its SCP levels. */
    record LayeredCase(OraclePair pair, Optional<JsonNode> boundary, List<JsonNode> scpLevels) {

        String toJsonLine() {
            String base = pair.toJsonLine();
            StringBuilder extra = new StringBuilder();
            boundary.ifPresent(b -> extra.append(",\"boundary\":[").append(JsonWriter.minified(b)).append(']'));
            extra.append(",\"scps\":[");
            for (int i = 0; i < scpLevels.size(); i++) {
                extra.append(i == 0 ? "" : ",").append('[').append(JsonWriter.minified(scpLevels.get(i))).append(']');
            }
            extra.append(']');
            return base.substring(0, base.length() - 1) + extra + "}";
        }

        LayeredPolicies policies() throws InputException {
            List<CompiledPolicy> identity = new ArrayList<>();
            int index = 0;
            for (JsonNode policy : pair.policies()) {
                identity.add(compile(policy, index++, "policy"));
            }
            List<CompiledPolicy> scps = new ArrayList<>();
            for (JsonNode level : scpLevels) {
                scps.add(compile(level, index++, "scp"));
            }
            Optional<CompiledPolicy> compiledBoundary = boundary.isEmpty() ? Optional.empty()
                    : Optional.of(compile(boundary.get(), index, "boundary"));
            return new LayeredPolicies(List.of(), scps, identity, compiledBoundary, Optional.empty());
        }

        /** Every policy of the case as one pair, so known differences are looked for in all of them. */
        OraclePair allPolicies() {
            List<JsonNode> all = new ArrayList<>(pair.policies());
            boundary.ifPresent(all::add);
            all.addAll(scpLevels);
            return new OraclePair(pair.id(), all, pair.action(), pair.resource(), pair.context());
        }

        String describe() {
            StringBuilder out = new StringBuilder(pair.describe());
            boundary.ifPresent(b -> out.append("boundary: ").append(JsonWriter.minified(b)).append('\n'));
            scpLevels.forEach(s -> out.append("scp level: ").append(JsonWriter.minified(s)).append('\n'));
            return out.toString();
        }

        private static CompiledPolicy compile(JsonNode policy, int index, String name) throws InputException {
            return CompiledPolicy.compile(PolicyReader.fromJson(policy, name), index, name + "-" + index);
        }
    }

    private final Route53PairGenerator pairs;
    private final Route53PairGenerator others;
    private final Random random;
    private final JsonNode fullAccess;

    LayeredCaseGenerator(long seed) {
        this.pairs = new Route53PairGenerator(seed);
        this.others = new Route53PairGenerator(seed ^ 0x5eed5eedL);
        this.random = new Random(seed * 31 + 7);
        try {
            this.fullAccess = JsonReader.read(FULL_ACCESS, "FullAWSAccess");
        } catch (InputException e) {
            throw new IllegalStateException(e);
        }
    }

    LayeredCase next() {
        OraclePair pair = pairs.next();
        Optional<JsonNode> boundary = random.nextInt(3) == 0 ? Optional.empty() : Optional.of(layer());
        List<JsonNode> scps = new ArrayList<>();
        int levels = random.nextInt(3);
        for (int i = 0; i < levels; i++) {
            scps.add(layer());
        }
        return new LayeredCase(pair, boundary, scps);
    }

    private JsonNode layer() {
        return random.nextBoolean() ? fullAccess : others.next().policies().get(0);
    }

}
