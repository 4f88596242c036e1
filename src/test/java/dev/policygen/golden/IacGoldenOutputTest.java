package dev.policygen.golden;

import static dev.policygen.testing.IacTools.object;
import static dev.policygen.testing.IacTools.string;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonNode.JsonArray;
import dev.policygen.json.JsonNode.JsonBoolean;
import dev.policygen.json.JsonNode.JsonObject;
import dev.policygen.json.JsonNode.JsonString;
import dev.policygen.testing.IacTools;
import dev.policygen.testing.IacTools.Checked;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks the golden Terraform and CloudFormation output with tools policygen does not share code with:
 * every {@code golden/*.tf} must parse with HashiCorp's HCL parser ({@code @cdktf/hcl2json}) into the
 * blocks its text declares, each with the arguments Terraform requires of it; every {@code golden/*.yaml}
 * must use resource types and properties that the CloudFormation resource specification
 * ({@code @aws-cdk/cfnspec}) knows, with the required properties present. Both run in one node process
 * ({@code src/test/iac/driver.js}, run by {@link IacTools}). GoldenTest only compares text with text, so a writer bug that also
 * went into a golden file would pass it; this test would not. Missing tools fail the test: run
 * {@code src/test/setup/iac.sh}. {@code -Diac.golden.dir=DIR} checks another copy of the golden files.
 */
class IacGoldenOutputTest {
    private static final Path ROOT = Path.of(System.getProperty("policygen.root", "."));
    private static final Path GOLDEN = Path.of(System.getProperty("iac.golden.dir", GoldenCases.DIR.toString()));
    private static final Path MODULES = Path.of(System.getProperty("iac.dir",
            ROOT.resolve(".ci/cache/iac").toString())).resolve("node_modules");
    private static final Pattern BLOCK = Pattern.compile("^(resource|data) \"([^\"]+)\" \"([^\"]+)\"",
            Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(data\\.)?([a-z0-9_]+)\\.([A-Za-z0-9_-]+)\\.[a-z_]+}");
    /** The arguments Terraform's AWS provider requires of each block kind policygen writes. */
    private static final Map<String, List<String>> REQUIRED_ARGUMENTS = Map.of(
            "data aws_iam_policy_document", List.of("statement"),
            "resource aws_iam_policy", List.of("policy"),
            "resource aws_iam_role", List.of("assume_role_policy"),
            "resource aws_iam_role_policy", List.of("role", "policy"),
            "resource aws_iam_role_policy_attachment", List.of("role", "policy_arn"),
            "resource aws_iam_instance_profile", List.of("role"));
    /** The golden files and what the checkers answered about them, computed once for both tests. */
    private static Checked checked;

    @Test
    void everyGoldenTerraformFileParsesWithHclIntoTheBlocksItDeclares() throws Exception {
        Checked checked = check();
        JsonObject answers = object(checked.answer().get("terraform").orElseThrow());
        List<String> problems = new ArrayList<>();
        int blocks = 0;
        int references = 0;
        for (Map.Entry<String, String> file : checked.terraform().entrySet()) {
            String name = file.getKey();
            JsonObject answer = object(answers.get(name).orElseThrow());
            if (answer.get("error").isPresent()) {
                problems.add(name + ": hcl2json: " + string(answer.get("error").get()));
                continue;
            }
            JsonObject parsed = object(answer.get("json").orElseThrow());
            Set<String> declared = new TreeSet<>();
            Matcher m = BLOCK.matcher(file.getValue());
            while (m.find()) {
                declared.add(m.group(1) + " " + m.group(2) + " " + m.group(3));
            }
            Set<String> found = new TreeSet<>();
            Set<String> aliases = providerAliases(name, parsed, problems);
            for (JsonNode.Member kind : parsed.members()) {
                if (kind.key().equals("terraform")) {
                    continue;
                }
                for (JsonNode.Member type : object(kind.value()).members()) {
                    for (JsonNode.Member label : object(type.value()).members()) {
                        String block = kind.key() + " " + type.key() + " " + label.key();
                        found.add(block);
                        blocks++;
                        checkBlock(name, block, kind.key() + " " + type.key(), label.value(), problems);
                        checkProvider(name, block, label.value(), aliases, problems);
                    }
                }
            }
            if (declared.isEmpty() || !declared.equals(found)) {
                problems.add(name + ": the text declares " + declared + " but hcl2json found " + found);
            }
            references += checkReferences(name, parsed, found, problems);
        }
        assertTrue(checked.terraform().size() >= 10, "expected at least 10 golden .tf files in " + GOLDEN
                + ", found " + checked.terraform().size());
        assertTrue(references > 0, "hcl2json found no ${...} references in any golden .tf file");
        report(problems);
        System.out.printf("hcl2json parsed %d golden .tf files, %d blocks, %d references%n",
                checked.terraform().size(), blocks, references);
    }

    @Test
    void everyGoldenCloudFormationTemplateUsesRealResourceTypesAndProperties() throws Exception {
        Checked checked = check();
        JsonObject spec = object(checked.answer().get("resourceTypes").orElseThrow());
        List<String> problems = new ArrayList<>();
        int resources = 0;
        for (Map.Entry<String, JsonObject> file : checked.templates().entrySet()) {
            String name = file.getKey();
            Optional<JsonNode> section = file.getValue().get("Resources");
            if (section.isEmpty() || !(section.get() instanceof JsonObject all) || all.members().isEmpty()) {
                problems.add(name + ": no Resources");
                continue;
            }
            Set<String> logicalIds = new TreeSet<>();
            all.members().forEach(member -> logicalIds.add(member.key()));
            for (JsonNode.Member resource : all.members()) {
                resources++;
                String where = name + ": " + resource.key();
                JsonObject body = object(resource.value());
                String type = string(body.get("Type").orElseThrow(() -> new AssertionError(where + " has no Type")));
                if (!(spec.get(type).orElseThrow() instanceof JsonObject properties)) {
                    problems.add(where + ": Type " + type + " is not in the CloudFormation resource specification");
                    continue;
                }
                JsonObject given = object(body.get("Properties").orElse(new JsonObject(List.of(), null)));
                for (JsonNode.Member property : given.members()) {
                    if (properties.get(property.key()).isEmpty()) {
                        problems.add(where + ": " + type + " has no property " + property.key());
                    }
                }
                for (JsonNode.Member property : properties.members()) {
                    if (((JsonBoolean) property.value()).value() && given.get(property.key()).isEmpty()) {
                        problems.add(where + ": " + type + " requires property " + property.key());
                    }
                }
                checkRefs(where, given, logicalIds, problems);
            }
        }
        assertTrue(checked.templates().size() >= 5, "expected at least 5 golden .yaml files in " + GOLDEN
                + ", found " + checked.templates().size());
        report(problems);
        System.out.printf("cfnspec checked %d golden templates, %d resources%n", checked.templates().size(), resources);
    }

    private static void checkBlock(String file, String block, String kind, JsonNode bodies, List<String> problems) {
        List<String> required = REQUIRED_ARGUMENTS.get(kind);
        if (required == null) {
            problems.add(file + ": " + block + ": no expectations for " + kind + "; add its required arguments "
                    + "to IacGoldenOutputTest.REQUIRED_ARGUMENTS");
            return;
        }
        if (!(bodies instanceof JsonArray array) || array.elements().size() != 1
                || !(array.elements().get(0) instanceof JsonObject body)) {
            problems.add(file + ": " + block + " did not parse to exactly one block body");
            return;
        }
        for (String argument : required) {
            if (body.get(argument).isEmpty()) {
                problems.add(file + ": " + block + " has no " + argument);
            }
        }
        if (kind.equals("data aws_iam_policy_document")) {
            Optional<JsonNode> statements = body.get("statement");
            if (statements.isPresent() && statements.get() instanceof JsonArray list) {
                for (JsonNode statement : list.elements()) {
                    if (!(statement instanceof JsonObject s) || s.get("effect").isEmpty() || s.get("actions").isEmpty()) {
                        problems.add(file + ": " + block + " has a statement without effect or actions");
                    }
                }
            }
        }
    }

    /**
     * The provider aliases the file's {@code terraform} block requires of its caller
     * ({@code required_providers { aws = { configuration_aliases = [aws.dns] } }}, cross-account output).
     */
    private static Set<String> providerAliases(String file, JsonObject parsed, List<String> problems) {
        Set<String> aliases = new TreeSet<>();
        Optional<JsonNode> terraform = parsed.get("terraform");
        if (terraform.isEmpty()) {
            return aliases;
        }
        for (JsonNode block : ((JsonArray) terraform.get()).elements()) {
            for (JsonNode providers : ((JsonArray) object(block).get("required_providers").orElseThrow()).elements()) {
                for (JsonNode.Member provider : object(providers).members()) {
                    JsonObject requirement = object(provider.value());
                    if (requirement.get("source").isEmpty()) {
                        problems.add(file + ": required provider " + provider.key() + " has no source");
                    }
                    requirement.get("configuration_aliases").ifPresent(list -> ((JsonArray) list).elements()
                            .forEach(alias -> aliases.add(string(alias))));
                }
            }
        }
        return aliases;
    }

    /** A block's {@code provider = aws.X} names an alias the file's terraform block declares. */
    private static void checkProvider(String file, String block, JsonNode bodies, Set<String> aliases,
            List<String> problems) {
        if (bodies instanceof JsonArray array && array.elements().size() == 1
                && array.elements().get(0) instanceof JsonObject body && body.get("provider").isPresent()) {
            String provider = string(body.get("provider").get());
            if (!aliases.contains(provider)) {
                problems.add(file + ": " + block + " uses provider " + provider + ", which the file does not declare"
                        + " in configuration_aliases " + aliases);
            }
        }
    }

    /** Every {@code ${data.T.N.attr}} or {@code ${T.N.attr}} in an argument names a block of the same file. */
    private static int checkReferences(String file, JsonNode node, Set<String> blocks, List<String> problems) {
        int references = 0;
        if (node instanceof JsonString text) {
            Matcher m = REFERENCE.matcher(text.value());
            while (m.find()) {
                references++;
                String block = (m.group(1) != null ? "data " : "resource ") + m.group(2) + " " + m.group(3);
                if (!blocks.contains(block)) {
                    problems.add(file + ": " + m.group() + " names no block of the file");
                }
            }
        } else if (node instanceof JsonObject object) {
            for (JsonNode.Member member : object.members()) {
                references += checkReferences(file, member.value(), blocks, problems);
            }
        } else if (node instanceof JsonArray array) {
            for (JsonNode element : array.elements()) {
                references += checkReferences(file, element, blocks, problems);
            }
        }
        return references;
    }

    /** Every {@code Ref} names a resource of the same template (policygen refers to no parameters). */
    private static void checkRefs(String where, JsonNode node, Set<String> logicalIds, List<String> problems) {
        if (node instanceof JsonObject object) {
            for (JsonNode.Member member : object.members()) {
                if (member.key().equals("Ref") && member.value() instanceof JsonString target
                        && !logicalIds.contains(target.value()) && !target.value().startsWith("AWS::")) {
                    problems.add(where + ": Ref " + target.value() + " names no resource of the template");
                }
                checkRefs(where, member.value(), logicalIds, problems);
            }
        } else if (node instanceof JsonArray array) {
            array.elements().forEach(element -> checkRefs(where, element, logicalIds, problems));
        }
    }

    private static synchronized Checked check() throws IOException, InterruptedException {
        if (checked == null) {
            checked = IacTools.check(ROOT, GOLDEN, MODULES);
        }
        return checked;
    }

    private static void report(List<String> problems) {
        if (!problems.isEmpty()) {
            fail(problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        }
    }
}
