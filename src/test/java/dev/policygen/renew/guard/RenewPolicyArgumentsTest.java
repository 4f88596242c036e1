package dev.policygen.renew.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.policygen.generate.ZoneRef;
import dev.policygen.renew.config.RenewConfig;
import dev.policygen.renew.config.RenewConfigReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The request's own arguments ({@code GenerateRequest.toArguments}), quoted, are the line the renewer
 * prints today, so the printed line can be made from them.
 */
class RenewPolicyArgumentsTest {

    private static RenewConfig config(String file) throws Exception {
        return RenewConfigReader.read(Path.of("src/test/resources/renew-config", file));
    }

    @Test
    void theRequestsArgumentsAreThePrintedLine() throws Exception {
        List<ZoneRef> discovered = List.of(ZoneRef.parse("example.com=Z4444444444444"));
        List<RenewPolicy> policies = List.of(
                RenewPolicy.of(config("own.yaml"), List.of()),
                RenewPolicy.of(config("own.yaml"), List.of(), Optional.of("eu-west-1"), Optional.of("123456789012"),
                        true),
                RenewPolicy.of(config("own.json"), List.of(ZoneRef.parse("example.net=Z5555555555555")),
                        Optional.of("eu-west-1"), Optional.empty(), false),
                RenewPolicy.of(config("letsencrypt-aws.json"), discovered),
                RenewPolicy.of(config("letsencrypt-aws.yaml"), discovered, Optional.of("us-east-1"),
                        Optional.of("111122223333"), true),
                RenewPolicy.of(config("own.yaml"), List.of(), Optional.of("cn-north-1"), Optional.empty(), false)
                        .discoveringZones());
        for (RenewPolicy policy : policies) {
            List<String> words = new ArrayList<>();
            for (String argument : policy.request().toArguments()) {
                words.add(RenewPolicy.quoted(argument));
            }
            assertEquals(policy.commandLine(), "policygen generate " + String.join(" ", words));
        }
    }
}
