package dev.policygen.profile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The compiled form of a profile that generate reads at start-up. The JSON files in policies/ stay
 * the only source: {@link ProfileCompiler} parses them with {@link ProfileReader} at build time and
 * writes this form beside them, because decoding it costs a fraction of setting up a JSON parser on
 * a cold JVM (docs/benchmarks.md). ProfilesTest checks that every compiled file decodes to exactly
 * what its JSON file parses to.
 */
final class ProfileCodec {
    /** Bumped whenever the layout changes; a mismatch is a build defect. */
    private static final int FORMAT = 2;

    private ProfileCodec() {
    }

    static byte[] encode(ClientProfile p) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeUTF(p.client());
            strings(out, p.aliases());
            out.writeUTF(p.title());
            out.writeUTF(p.versions());
            out.writeUTF(p.homepage());
            out.writeUTF(p.verifiedBy());
            out.writeInt(p.calls().size());
            for (ProfileCall call : p.calls()) {
                out.writeUTF(call.purpose().name());
                out.writeUTF(call.action());
                out.writeUTF(call.resource());
                optional(out, call.when());
                out.writeUTF(call.sid());
                out.writeUTF(call.why());
                out.writeUTF(call.source());
            }
            out.writeBoolean(p.zoneIdOption().isPresent());
            if (p.zoneIdOption().isPresent()) {
                out.writeUTF(p.zoneIdOption().get().option());
                out.writeUTF(p.zoneIdOption().get().source());
            }
            strings(out, p.changes().actions());
            out.writeBoolean(p.changes().oneNamePerBatch());
            out.writeBoolean(p.changes().batchesPerStatement());
            out.writeUTF(p.changes().why());
            out.writeUTF(p.changes().source());
            out.writeUTF(p.cnames().mode().name());
            out.writeUTF(p.cnames().how());
            out.writeUTF(p.cnames().source());
            RoleAssumption role = p.assumeRole();
            out.writeUTF(role.status().name());
            optional(out, role.setting());
            optional(out, role.settingSince());
            optional(out, role.externalIdSetting());
            optional(out, role.externalIdSince());
            out.writeUTF(role.how());
            out.writeUTF(role.source());
            strings(out, p.notes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static ClientProfile decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalStateException("compiled profile format " + format + ", expected " + FORMAT
                        + "; rebuild with mvn package");
            }
            String client = in.readUTF();
            List<String> aliases = strings(in);
            String title = in.readUTF();
            String versions = in.readUTF();
            String homepage = in.readUTF();
            String verifiedBy = in.readUTF();
            int count = in.readInt();
            List<ProfileCall> calls = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                calls.add(new ProfileCall(Purpose.valueOf(in.readUTF()), in.readUTF(), in.readUTF(), optional(in),
                        in.readUTF(), in.readUTF(), in.readUTF()));
            }
            Optional<ClientProfile.ZoneIdOption> zoneIdOption = in.readBoolean()
                    ? Optional.of(new ClientProfile.ZoneIdOption(in.readUTF(), in.readUTF())) : Optional.empty();
            ChangeSpec changes = new ChangeSpec(strings(in), in.readBoolean(), in.readBoolean(), in.readUTF(),
                    in.readUTF());
            CnameBehaviour cnames = new CnameBehaviour(CnameBehaviour.Mode.valueOf(in.readUTF()), in.readUTF(),
                    in.readUTF());
            RoleAssumption assumeRole = new RoleAssumption(RoleAssumption.Status.valueOf(in.readUTF()), optional(in),
                    optional(in), optional(in), optional(in), in.readUTF(), in.readUTF());
            List<String> notes = strings(in);
            return new ClientProfile(client, aliases, title, versions, homepage, verifiedBy, calls, zoneIdOption,
                    changes, cnames, assumeRole, notes);
        } catch (IOException e) {
            throw new IllegalStateException("corrupt compiled profile: " + e.getMessage(), e);
        }
    }

    private static void strings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            out.writeUTF(value);
        }
    }

    private static List<String> strings(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(in.readUTF());
        }
        return values;
    }

    private static void optional(DataOutputStream out, Optional<String> value) throws IOException {
        out.writeBoolean(value.isPresent());
        if (value.isPresent()) {
            out.writeUTF(value.get());
        }
    }

    private static Optional<String> optional(DataInputStream in) throws IOException {
        return in.readBoolean() ? Optional.of(in.readUTF()) : Optional.empty();
    }
}
