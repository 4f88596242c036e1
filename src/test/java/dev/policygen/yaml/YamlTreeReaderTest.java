package dev.policygen.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.policygen.InputException;
import dev.policygen.json.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, item 7: what the located tree cannot hold faithfully is refused at its position, in plain YAML
 * (renew configs) and in CloudFormation templates alike, instead of being read as the anchor's name or a
 * tag-less value.
 */
class YamlTreeReaderTest {

    @Test
    void everyAliasIsRefusedAtItsPosition() {
        assertEquals("c.yaml:1:30: YAML alias *apex is not supported; write the value out",
                dataError("domains: [&apex example.com, *apex]\n"));
        assertEquals("c.yaml:2:8: YAML alias *zones is not supported; write the value out",
                dataError("a: &zones {example.com: Z1}\nzones: *zones\n"));
        assertEquals("t.yaml:4:5: YAML alias *doc is not supported; write the value out",
                templateError("Resources: &doc\n  X: {Type: AWS::IAM::Policy}\nY:\n    *doc\n"));
    }

    @Test
    void mergeKeysAreRefused() {
        assertEquals("c.yaml:3:3: YAML merge keys (<<) are not supported; write the keys out",
                dataError("base: {keyType: ec-p256}\nwww:\n  <<: {keyType: rsa-2048}\n  domains: [a.example]\n"));
    }

    @Test
    void plainDataTakesNoTagButStr() throws InputException {
        assertEquals("c.yaml:1:11: YAML tag !Ref is not supported here", dataError("domains: [!Ref apex]\n"));
        assertEquals("c.yaml:1:7: YAML tag !!int is not supported here", dataError("days: !!int 30\n"));
        assertEquals("c.yaml:1:6: YAML tag !custom is not supported here", dataError("key: !custom {a: 1}\n"));
        JsonNode.JsonObject read = (JsonNode.JsonObject) YamlTreeReader.read("version: !!str 2012-10-17\n", "c.yaml");
        assertEquals("2012-10-17", ((JsonNode.JsonString) read.get("version").orElseThrow()).value());
    }

    @Test
    void templatesTakeTheShortFormIntrinsicsAndNothingElse() throws InputException {
        JsonNode.JsonObject read = (JsonNode.JsonObject) YamlTreeReader.readCloudFormation(
                "Resource: !Sub arn:${AWS::Partition}:route53:::hostedzone/${Zone}\nRoles: [!Ref Role]\n", "t.yaml");
        assertEquals("arn:${AWS::Partition}:route53:::hostedzone/${Zone}",
                ((JsonNode.JsonString) read.get("Resource").orElseThrow()).value());
        assertEquals("t.yaml:1:11: YAML tag !Reference is not supported here",
                templateError("Resource: !Reference Zone\n"));
    }

    @Test
    void anchorsWithoutAliasesChangeNothing() throws InputException {
        JsonNode.JsonObject read = (JsonNode.JsonObject) YamlTreeReader.read("a: &x [1]\nb: &y two\n", "c.yaml");
        assertEquals("array", read.get("a").orElseThrow().typeName());
        assertEquals("two", ((JsonNode.JsonString) read.get("b").orElseThrow()).value());
    }

    private static String dataError(String yaml) {
        return assertThrows(InputException.class, () -> YamlTreeReader.read(yaml, "c.yaml")).located();
    }

    private static String templateError(String yaml) {
        return assertThrows(InputException.class, () -> YamlTreeReader.readCloudFormation(yaml, "t.yaml")).located();
    }
}
