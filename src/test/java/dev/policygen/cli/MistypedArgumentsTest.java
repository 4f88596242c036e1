package dev.policygen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which names count as close enough to suggest: a typo, never an unrelated short word. */
class MistypedArgumentsTest {
    private static final List<String> COMMANDS = List.of("generate", "simulate", "lint", "validate", "sandbox",
            "observe", "clients", "register", "renew", "cleanup", "help");

    @Test
    void aSwapADropOrAnExtraLetterIsOneEdit() {
        assertEquals(1, MistypedArguments.distance("lnit", "lint"));
        assertEquals(1, MistypedArguments.distance("lit", "lint"));
        assertEquals(1, MistypedArguments.distance("linnt", "lint"));
        assertEquals(2, MistypedArguments.distance("rnew", "renwe"));
    }

    @Test
    void suggestsOnlyCloseNames() {
        assertEquals(Optional.of("lint"), MistypedArguments.closest("lnit", COMMANDS));
        assertEquals(Optional.of("renew"), MistypedArguments.closest("renw", COMMANDS));
        assertEquals(Optional.of("--client"), MistypedArguments.closest("--clinet", List.of("--client", "--zone")));
        assertEquals(Optional.empty(), MistypedArguments.closest("x", COMMANDS));
        assertEquals(Optional.empty(), MistypedArguments.closest("frobnicate", COMMANDS));
        assertEquals(Optional.empty(), MistypedArguments.closest("-x", List.of("-o", "-h", "-V")));
    }
}
