package dev.policygen.observe;

import dev.policygen.InputException;
import dev.policygen.generate.CallStatements;
import dev.policygen.io.InputFiles;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import dev.policygen.route53.StsNames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Every AWS call one observed command made, in order, read back from the sandbox's call log. */
public final class Observation {
    private final List<ObservedCall> calls;

    public Observation(List<ObservedCall> calls) {
        this.calls = List.copyOf(calls);
    }

    /**
     * The calls logged in {@code file} from byte {@code offset} on: a call log is appended to, so a
     * log kept across runs holds earlier runs' calls before the offset.
     */
    public static Observation read(Path file, long offset) throws InputException {
        String text = InputFiles.readFrom(file, offset, "the call log");
        List<ObservedCall> calls = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = JsonReader.read(line, file.toString());
            if (node instanceof JsonNode.JsonObject object) {
                calls.add(ObservedCall.fromLogLine(object));
            }
        }
        return new Observation(calls);
    }

    public List<ObservedCall> calls() {
        return calls;
    }

    public List<ObservedCall> denied() {
        List<ObservedCall> denied = new ArrayList<>();
        for (ObservedCall call : calls) {
            if (call.denied()) {
                denied.add(call);
            }
        }
        return denied;
    }

    /**
     * The calls IAM saw, as the generator takes them; denied ones included, since the command needed them.
     * An sts:AssumeRole the command made is one of them (the grant on the role ARN it assumed); what it
     * then did with the role's credentials is in the same list.
     */
    List<CallStatements.Call> grants() {
        List<CallStatements.Call> grants = new ArrayList<>();
        for (ObservedCall call : calls) {
            // a web identity has no policies of its own: its trust policy alone lets it assume a role
            if (call.authorizable() && !StsNames.ASSUME_ROLE_WITH_WEB_IDENTITY.equals(call.action())) {
                grants.add(new CallStatements.Call(call.action(), call.resource(), call.names(), call.types(),
                        call.changeActions()));
            }
        }
        return grants;
    }
}
