package dev.policygen.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.policygen.generate.GenerateRequest;
import dev.policygen.generate.GeneratedPolicy;
import dev.policygen.generate.NamedDocument;
import dev.policygen.generate.PolicyGenerator;
import dev.policygen.generate.PolicyPackager;
import dev.policygen.generate.RandomRequests;
import dev.policygen.generate.SizeLimit;
import dev.policygen.model.PolicyWriter;
import dev.policygen.profile.Profiles;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OutputFormatTest {

    /** The CloudFormation YAML, read by a real YAML parser, holds exactly the JSON documents. */
    @Test
    void cloudFormationTemplatesHoldTheSameDocuments() throws Exception {
        Random random = new Random(11);
        ObjectMapper json = new ObjectMapper();
        YAMLMapper yaml = new YAMLMapper();
        int checked = 0;
        while (checked < 200) {
            GenerateRequest request = RandomRequests.request(random, Profiles.bundled().all());
            List<NamedDocument> documents;
            try {
                GeneratedPolicy policy = PolicyGenerator.generate(request);
                documents = PolicyPackager.pack(policy, SizeLimit.MANAGED, random.nextBoolean(), true);
            } catch (dev.policygen.UsageException e) {
                continue;
            }
            String template = OutputFormat.CLOUDFORMATION.render(documents, false, "d").get(0).text();
            JsonNode resources = yaml.readTree(template).get("Resources");
            assertEquals(documents.size(), resources.size());
            for (NamedDocument document : documents) {
                JsonNode resource = resources.get(CloudFormationWriter.logicalId(document.name()));
                assertEquals("AWS::IAM::ManagedPolicy", resource.get("Type").asText());
                assertEquals(json.readTree(PolicyWriter.minified(document.document())),
                        resource.get("Properties").get("PolicyDocument"));
            }
            checked++;
        }
    }

    @Test
    void terraformStringsNeverStartATemplate() {
        assertEquals("\"a$${b}%%{c}\\\\052\\\"$x\"", TerraformWriter.quote("a${b}%{c}\\052\"$x"));
        assertEquals("acme_sh_dns01", TerraformWriter.identifier("acme.sh-dns01"));
        assertEquals("AcmeShDns01NetworkDenyPolicy", CloudFormationWriter.logicalId("acme.sh-dns01-network-deny"));
    }
}
