package dev.policygen.cli;

import dev.policygen.InputException;
import dev.policygen.UsageException;
import dev.policygen.generate.GenerateRequest;
import dev.policygen.generate.GeneratedPolicy;
import dev.policygen.generate.NamedDocument;
import dev.policygen.generate.PolicyGenerator;
import dev.policygen.generate.PolicyPackager;
import dev.policygen.generate.RequestOptions;
import dev.policygen.generate.SizeLimit;
import dev.policygen.json.JsonReader;
import dev.policygen.model.PolicyWriter;
import dev.policygen.validate.Validation;
import java.util.List;

/** The reference policy of validate's CheckNoNewAccess: a file, or what generate prints. */
final class ReferencePolicy {
    private ReferencePolicy() {
    }

    /** A policy file, sent as written; it must at least be JSON, or the check could only fail. */
    static Validation.Reference fromFile(String file) throws InputException {
        String text = LintCommand.read(file);
        JsonReader.read(text, file);
        return new Validation.Reference(file, text);
    }

    /**
     * The single document generate would print for these options (with the network deny, if any,
     * inside it), so "no new access" means "no more than policygen would grant".
     */
    static Validation.Reference generated(String client, List<String> zones, List<String> domains)
            throws UsageException {
        GenerateRequest request = new RequestOptions(client).zones(zones).domains(domains).builder().build();
        GeneratedPolicy policy = PolicyGenerator.generate(request);
        List<NamedDocument> documents = PolicyPackager.pack(policy, SizeLimit.MANAGED, false, false);
        return new Validation.Reference("policy generated for --client " + client,
                PolicyWriter.pretty(documents.get(0).document()));
    }
}
