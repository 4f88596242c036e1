package dev.policygen.identity;

import dev.policygen.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundled runtimes, decoded from their compiled form ({@link RuntimeCodec}, made at build time from
 * {@code runtimes/<runtime>.json}) the first time one is asked for. {@link #NAMES} is the index: {@code RuntimesTest} fails when it and the directory disagree.
 */
public final class Runtimes {
    /** The runtime without a role, generate's default. */
    public static final String USER = "user";
    /** The runtime of a role another role assumes; a DNS-account role's trust has its shape. */
    public static final String ROLE = "role";
    /** Where the runtime files are, in the source tree and on the class path. */
    public static final String DIRECTORY = "runtimes";
    /** The compiled form's extension ({@link RuntimeCodec}), beside the JSON file on the class path. */
    static final String COMPILED_EXTENSION = ".bin";

    /** Every runtime, in the order documentation lists them. */
    public static final List<String> NAMES = List.of(USER, "ec2", "ecs-task", "lambda", "eks-irsa",
            "eks-pod-identity", "github-actions", ROLE);

    private static volatile List<RuntimeProfile> all;

    private Runtimes() {
    }

    /** All runtimes, in {@link #NAMES} order. */
    public static List<RuntimeProfile> all() {
        List<RuntimeProfile> loaded = all;
        if (loaded == null) {
            List<RuntimeProfile> list = new ArrayList<>();
            for (String name : NAMES) {
                list.add(load(name));
            }
            loaded = List.copyOf(list);
            all = loaded;
        }
        return loaded;
    }

    /** The runtime named by {@code --runtime}; an unknown name is refused naming the known ones. */
    public static RuntimeProfile find(String name) throws UsageException {
        if (!NAMES.contains(name)) {
            throw new UsageException(name, "unknown runtime \"" + name + "\"; use one of " + String.join(", ", NAMES));
        }
        return all().get(NAMES.indexOf(name));
    }

    private static RuntimeProfile load(String name) {
        String path = DIRECTORY + "/" + name + COMPILED_EXTENSION;
        try (InputStream in = Runtimes.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled file " + path + " (build with mvn package)");
            }
            return RuntimeCodec.decode(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
