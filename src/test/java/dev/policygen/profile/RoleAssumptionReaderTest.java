package dev.policygen.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.InputException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A profile's {@code assumeRole} entry is read strictly: a missing or malformed entry fails the build
 * (ProfileCompiler) with one line naming the file, line, column and the bad value.
 */
class RoleAssumptionReaderTest {
    private static final String FILE = "policies/x.json";
    private static final String LINE_START = "  \"assumeRole\": ";
    private static final String REST = ",\n  \"client\": \"x\", \"title\": \"t\", \"versions\": \"v\","
            + " \"homepage\": \"h\", \"verifiedBy\": \"source\",\n"
            + "  \"changes\": {\"actions\": [\"UPSERT\"], \"oneNamePerBatch\": true, \"why\": \"w\","
            + " \"source\": \"s\"},\n"
            + "  \"cnames\": {\"follows\": \"never\", \"how\": \"h\", \"source\": \"s\"}\n}";
    private static final String LEGO_LIKE = "{\"status\": \"supported\", \"setting\": \"ROLE=${role-arn}\","
            + " \"settingSince\": \"lego 4.7.0\", \"externalIdSetting\": \"EXT=${external-id}\","
            + " \"externalIdSince\": \"lego 4.12.0\", \"how\": \"h\", \"source\": \"s\"}";

    private static ClientProfile read(String entry) throws InputException {
        return Profiles.read("{\n" + LINE_START + entry + REST, FILE);
    }

    /** The located message for an entry, which sits on line 2 after {@link #LINE_START}. */
    private static String errorFor(String entry) {
        return assertThrows(InputException.class, () -> read(entry)).located();
    }

    /** file:2:column of the first occurrence of {@code token} in the entry. */
    private static String at(String entry, String token) {
        int index = entry.indexOf(token);
        assertTrue(index >= 0, token);
        return FILE + ":2:" + (LINE_START.length() + index + 1) + ": ";
    }

    @Test
    void aSupportedEntryIsReadWithEveryField() throws InputException {
        RoleAssumption role = read(LEGO_LIKE).assumeRole();
        assertEquals(RoleAssumption.Status.SUPPORTED, role.status());
        assertEquals(Optional.of("ROLE=${role-arn}"), role.setting());
        assertEquals(Optional.of("lego 4.7.0"), role.settingSince());
        assertEquals(Optional.of("EXT=${external-id}"), role.externalIdSetting());
        assertEquals(Optional.of("lego 4.12.0"), role.externalIdSince());
        assertTrue(role.canAssumeRole());
        assertTrue(role.canSendExternalId());
    }

    @Test
    void anExplicitNullSaysTheClientSendsNoExternalId() throws InputException {
        RoleAssumption role = read("{\"status\": \"supported\", \"setting\": \"role: ${role-arn}\","
                + " \"externalIdSetting\": null, \"how\": \"h\", \"source\": \"s\"}").assumeRole();
        assertTrue(role.canAssumeRole());
        assertFalse(role.canSendExternalId());
        assertEquals(Optional.empty(), role.settingSince());
    }

    @Test
    void unsupportedAndPlannedEntriesHaveNoSettings() throws InputException {
        for (String status : new String[] {"unsupported", "planned"}) {
            RoleAssumption role = read("{\"status\": \"" + status + "\", \"how\": \"why not\", \"source\": \"s\"}")
                    .assumeRole();
            assertEquals(status, role.status().json());
            assertFalse(role.canAssumeRole());
            assertFalse(role.canSendExternalId());
            assertEquals("why not", role.how());
        }
    }

    @Test
    void aProfileWithoutTheEntryIsRefused() {
        InputException e = assertThrows(InputException.class, () -> Profiles.read("{\n" + REST.substring(2), FILE));
        assertEquals(FILE + ":1:1: the profile needs \"assumeRole\"", e.located());
    }

    @Test
    void anUnknownStatusIsRefused() {
        String entry = "{\"status\": \"sometimes\", \"how\": \"h\", \"source\": \"s\"}";
        assertEquals(at(entry, "\"sometimes\"") + "assumeRole.status \"sometimes\" must be supported, unsupported or"
                + " planned", errorFor(entry));
    }

    @Test
    void anUnknownKeyIsRefused() {
        String entry = LEGO_LIKE.replace("\"how\"", "\"sessionName\": \"x\", \"how\"");
        assertEquals(at(entry, "\"sessionName\"") + "unknown key \"sessionName\" in assumeRole; expected one of"
                + " externalIdSetting, externalIdSince, how, setting, settingSince, source, status", errorFor(entry));
    }

    @Test
    void missingFactsAreRefused() {
        String noSource = "{\"status\": \"unsupported\", \"how\": \"h\"}";
        assertEquals(at(noSource, "{") + "assumeRole needs \"source\"", errorFor(noSource));
        String blankHow = "{\"status\": \"unsupported\", \"how\": \" \", \"source\": \"s\"}";
        assertEquals(at(blankHow, "\" \"") + "assumeRole.how must not be empty", errorFor(blankHow));
        String noSetting = "{\"status\": \"supported\", \"externalIdSetting\": null, \"how\": \"h\","
                + " \"source\": \"s\"}";
        assertEquals(at(noSetting, "{") + "assumeRole needs \"setting\"", errorFor(noSetting));
    }

    @Test
    void aSupportedEntryMustSayWhetherItSendsAnExternalId() {
        String entry = "{\"status\": \"supported\", \"setting\": \"R=${role-arn}\", \"how\": \"h\", \"source\": \"s\"}";
        assertEquals(at(entry, "{") + "assumeRole needs \"externalIdSetting\"", errorFor(entry));
    }

    @Test
    void settingsMustShowWhereTheValueGoes() {
        String noPlaceholder = LEGO_LIKE.replace("ROLE=${role-arn}", "ROLE=the role");
        assertEquals(at(noPlaceholder, "\"ROLE=the role\"") + "assumeRole.setting \"ROLE=the role\" must show where the"
                + " value goes with ${role-arn}, once", errorFor(noPlaceholder));
        String twice = LEGO_LIKE.replace("ROLE=${role-arn}", "A=${role-arn} B=${role-arn}");
        assertEquals(at(twice, "\"A=") + "assumeRole.setting \"A=${role-arn} B=${role-arn}\" must show where the value"
                + " goes with ${role-arn}, once", errorFor(twice));
        String crossed = LEGO_LIKE.replace("ROLE=${role-arn}", "ROLE=${role-arn} EXT=${external-id}");
        assertEquals(at(crossed, "\"ROLE=") + "assumeRole.setting \"ROLE=${role-arn} EXT=${external-id}\" must not"
                + " contain ${external-id}", errorFor(crossed));
        String noExternalId = LEGO_LIKE.replace("EXT=${external-id}", "EXT=yes");
        assertEquals(at(noExternalId, "\"EXT=yes\"") + "assumeRole.externalIdSetting \"EXT=yes\" must show where the"
                + " value goes with ${external-id}, once", errorFor(noExternalId));
        String notText = LEGO_LIKE.replace("\"EXT=${external-id}\"", "false");
        assertEquals(at(notText, "false") + "assumeRole.externalIdSetting must be a string, not a boolean",
                errorFor(notText));
    }

    @Test
    void aSinceMustBeANameAndAVersion() {
        for (String bad : new String[] {"4.7.0", "lego", "lego v4.7.0", "lego 4..7", "lego 4.7.", " 4.7"}) {
            String entry = LEGO_LIKE.replace("\"lego 4.7.0\"", "\"" + bad + "\"");
            assertEquals(at(entry, "\"" + bad + "\"") + "assumeRole.settingSince \"" + bad + "\" must be a name and a"
                    + " version, such as \"lego 4.7.0\"", errorFor(entry), bad);
        }
    }

    @Test
    void anExternalIdSinceNeedsAnExternalIdSetting() {
        String entry = LEGO_LIKE.replace("\"EXT=${external-id}\"", "null");
        assertEquals(at(entry, "\"externalIdSince\"") + "assumeRole.externalIdSince needs an externalIdSetting",
                errorFor(entry));
    }

    @Test
    void aClientThatCannotAssumeARoleCannotHaveSettings() {
        for (String key : new String[] {"setting", "settingSince", "externalIdSetting", "externalIdSince"}) {
            String entry = "{\"status\": \"unsupported\", \"" + key + "\": \"x ${role-arn}\", \"how\": \"h\","
                    + " \"source\": \"s\"}";
            assertEquals(at(entry, "\"" + key + "\"") + "assumeRole." + key + " is only for a client that can assume a"
                    + " role, and status is \"unsupported\"", errorFor(entry), key);
        }
        String planned = "{\"status\": \"planned\", \"setting\": null, \"how\": \"h\", \"source\": \"s\"}";
        assertEquals(at(planned, "\"setting\"") + "assumeRole.setting is only for a client that can assume a role, and"
                + " status is \"planned\"", errorFor(planned));
    }

    @Test
    void everyMessageIsOneLine() {
        String[] bad = {"[]", "{\"status\": 1, \"how\": \"h\", \"source\": \"s\"}",
            LEGO_LIKE.replace("ROLE=${role-arn}", "ROLE=\\nx")};
        for (String entry : bad) {
            String message = errorFor(entry);
            assertFalse(message.contains("\n"), message);
            assertTrue(message.startsWith(FILE + ":2:"), message);
        }
    }
}
