package dev.policygen.testing;

import dev.policygen.InputException;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonNode.JsonObject;
import dev.policygen.json.JsonNode.JsonString;
import dev.policygen.json.JsonReader;
import dev.policygen.json.JsonWriter;
import dev.policygen.yaml.YamlTreeReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the IaC tools policygen shares no code with over a folder of Terraform and CloudFormation files:
 * HashiCorp's HCL parser ({@code @cdktf/hcl2json}) and the CloudFormation resource specification
 * ({@code @aws-cdk/cfnspec}), both in one node process ({@code src/test/iac/driver.js}) with the modules
 * of {@code modules}. Missing tools fail with the setup script to run ({@code src/test/setup/iac.sh}).
 */
public final class IacTools {
    private static final String SETUP = "src/test/setup/iac.sh";

    private IacTools() {
    }

    /**
     * The {@code .tf} files of a folder (name to text), its {@code .yaml} templates (a file holding several,
     * one per account, gives {@code NAME (template N)} for the second on), and what the driver answered:
     * {@code terraform} (per file, hcl2json's {@code json} or {@code error}) and {@code resourceTypes} (per
     * type used, its properties, each true when required).
     */
    public record Checked(Map<String, String> terraform, Map<String, JsonObject> templates, JsonObject answer) {
    }

    /** Reads every file of {@code folder} and asks the driver under {@code root} about them. */
    public static Checked check(Path root, Path folder, Path modules) throws IOException, InterruptedException {
        Path node = Programs.required("node", SETUP, "--version");
        for (String module : List.of("@cdktf/hcl2json", "@aws-cdk/cfnspec")) {
            if (!Files.isRegularFile(modules.resolve(module).resolve("package.json"))) {
                throw new AssertionError(module + " is not installed in " + modules + "; run " + SETUP + " first");
            }
        }
        Map<String, String> terraform = new TreeMap<>();
        Map<String, JsonObject> templates = new TreeMap<>();
        Set<String> types = new TreeSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(".tf")) {
                    terraform.put(name, Files.readString(file, StandardCharsets.UTF_8));
                } else if (name.endsWith(".yaml")) {
                    // cross-account output prints one template per account, the second after ---
                    String[] documents = Files.readString(file, StandardCharsets.UTF_8).split("\n---\n");
                    for (int i = 0; i < documents.length; i++) {
                        String label = i == 0 ? name : name + " (template " + (i + 1) + ")";
                        JsonObject template = readTemplate(documents[i], label);
                        templates.put(label, template);
                        template.get("Resources").filter(JsonObject.class::isInstance).ifPresent(all ->
                                ((JsonObject) all).members().forEach(r -> object(r.value()).get("Type")
                                        .filter(JsonString.class::isInstance).ifPresent(t -> types.add(string(t)))));
                    }
                }
            }
        }
        StringBuilder request = new StringBuilder("{\"terraform\":{");
        terraform.forEach((name, text) -> request.append(JsonWriter.quote(name)).append(':')
                .append(JsonWriter.quote(text)).append(','));
        trimComma(request).append("},\"resourceTypes\":[");
        types.forEach(type -> request.append(JsonWriter.quote(type)).append(','));
        trimComma(request).append("]}");
        return new Checked(terraform, templates, runDriver(root, node, modules, request.toString()));
    }

    private static JsonObject runDriver(Path root, Path node, Path modules, String request) throws IOException, InterruptedException {
        Path input = Files.createTempFile("iac-request", ".json");
        Path errors = Files.createTempFile("iac-driver", ".err");
        try {
            Files.writeString(input, request, StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(node.toString(),
                    root.resolve("src/test/iac/driver.js").toAbsolutePath().toString(), modules.toAbsolutePath().toString())
                    .redirectInput(input.toFile()).redirectError(errors.toFile()).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("src/test/iac/driver.js did not finish in 120 s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("src/test/iac/driver.js exited " + process.exitValue() + ": "
                        + Files.readString(errors));
            }
            return object(JsonReader.read(output, "driver.js output"));
        } catch (InputException e) {
            throw new AssertionError("driver.js wrote no JSON: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(input);
            Files.deleteIfExists(errors);
        }
    }

    private static JsonObject readTemplate(String text, String name) {
        try {
            return object(YamlTreeReader.readCloudFormation(text, name));
        } catch (InputException e) {
            throw new AssertionError("golden template does not read as CloudFormation YAML: " + e.getMessage(), e);
        }
    }

    private static StringBuilder trimComma(StringBuilder text) {
        if (text.charAt(text.length() - 1) == ',') {
            text.setLength(text.length() - 1);
        }
        return text;
    }

    /** The node as an object; an AssertionError naming its type and position otherwise. */
    public static JsonObject object(JsonNode node) {
        if (node instanceof JsonObject object) {
            return object;
        }
        throw new AssertionError("expected an object, found " + node.typeName() + " at " + node.position());
    }

    /** The node as a string; an AssertionError naming its type and position otherwise. */
    public static String string(JsonNode node) {
        if (node instanceof JsonString string) {
            return string.value();
        }
        throw new AssertionError("expected a string, found " + node.typeName() + " at " + node.position());
    }
}
