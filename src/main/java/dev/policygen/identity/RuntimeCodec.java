package dev.policygen.identity;

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
 * The compiled form of a runtime file, as {@code profile.ProfileCodec} is of a client profile: generate
 * runs on a class path without the JSON parser (the core jar), so {@link RuntimeCompiler} parses
 * {@code runtimes/*.json} at build time and writes this form beside them. RuntimesTest checks that every
 * compiled file decodes to exactly what its JSON file parses to.
 */
final class RuntimeCodec {
    /** Bumped whenever the layout changes. */
    private static final int FORMAT = 1;

    private RuntimeCodec() {
    }

    static byte[] encode(RuntimeProfile r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeUTF(r.runtime());
            out.writeUTF(r.title());
            out.writeUTF(r.documentation());
            strings(out, r.requiredOptions());
            strings(out, r.optionalOptions());
            out.writeBoolean(r.instanceProfile());
            out.writeBoolean(r.trust().isPresent());
            if (r.trust().isPresent()) {
                RuntimeProfile.TrustTemplate t = r.trust().get();
                out.writeUTF(t.sid());
                out.writeUTF(t.principalType());
                out.writeUTF(t.principal());
                strings(out, t.actions());
                out.writeUTF(t.source());
                out.writeInt(t.conditions().size());
                for (RuntimeProfile.ConditionTemplate c : t.conditions()) {
                    out.writeUTF(c.operator());
                    out.writeUTF(c.key());
                    out.writeUTF(c.value());
                    out.writeUTF(c.when().orElse(""));
                    out.writeUTF(c.why());
                    out.writeUTF(c.source());
                }
            }
            strings(out, r.notes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static RuntimeProfile decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalStateException("compiled runtime has format " + format + ", expected " + FORMAT);
            }
            String runtime = in.readUTF();
            String title = in.readUTF();
            String documentation = in.readUTF();
            List<String> required = strings(in);
            List<String> optional = strings(in);
            boolean instanceProfile = in.readBoolean();
            Optional<RuntimeProfile.TrustTemplate> trust = Optional.empty();
            if (in.readBoolean()) {
                String sid = in.readUTF();
                String principalType = in.readUTF();
                String principal = in.readUTF();
                List<String> actions = strings(in);
                String source = in.readUTF();
                int count = in.readInt();
                List<RuntimeProfile.ConditionTemplate> conditions = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    String operator = in.readUTF();
                    String key = in.readUTF();
                    String value = in.readUTF();
                    String when = in.readUTF();
                    conditions.add(new RuntimeProfile.ConditionTemplate(operator, key, value,
                            when.isEmpty() ? Optional.empty() : Optional.of(when), in.readUTF(), in.readUTF()));
                }
                trust = Optional.of(new RuntimeProfile.TrustTemplate(sid, principalType, principal, actions, source,
                        conditions));
            }
            return new RuntimeProfile(runtime, title, documentation, required, optional, instanceProfile, trust,
                    strings(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(in.readUTF());
        }
        return values;
    }
}
