package dev.policygen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The package rules of the README's Development section, checked on the compiled classes in
 * target/classes (so run after compiling): no cycle between packages except the listed ones, no
 * package but {@code cli} depends on {@code cli} or on picocli, and only {@code aws} uses the AWS
 * SDK. A failure names the classes behind each offending dependency.
 */
class ArchitectureTest {
    private static final Path CLASSES = Path.of(System.getProperty("policygen.root", "."), "target/classes");
    private static final String ROOT = "dev.policygen";

    /**
     * Package dependencies that close a cycle and are allowed to, each with the reason, written as
     * {@code from -> to} with names relative to dev.policygen. The cycle check ignores these edges;
     * an entry that no longer closes a cycle fails {@link #everyAllowedEdgeStillClosesACycle}, so the
     * list only shrinks.
     */
    private static final Map<String, String> ALLOWED_CYCLE_EDGES = Map.of(
            "eval.condition -> eval",
            "SPI split: eval compiles statements whose conditions are eval.condition operators, and the"
                    + " operators read eval's request context and its matching primitives (Glob, PolicyString,"
                    + " ArnPattern); one evaluator, split so each operator stays a small class");

    private static List<ClassReferences> classes;

    @BeforeAll
    static void readClasses() throws IOException {
        Path ours = CLASSES.resolve(ROOT.replace('.', '/'));
        assertTrue(Files.isDirectory(ours), ours + " is missing: compile first (mvn -B -o -q test-compile)");
        try (Stream<Path> files = Files.walk(ours)) {
            classes = files.filter(f -> f.toString().endsWith(".class")).sorted().map(ArchitectureTest::read).toList();
        }
    }

    @Test
    void packagesFormNoCycleBeyondTheAllowedOnes() {
        SortedMap<String, SortedMap<String, Set<String>>> graph = packageGraph();
        ALLOWED_CYCLE_EDGES.keySet().forEach(edge -> {
            String[] ends = edge.split(" -> ");
            SortedMap<String, Set<String>> targets = graph.get(ends[0]);
            if (targets != null) {
                targets.remove(ends[1]);
            }
        });
        List<String> cycles = new ArrayList<>();
        for (Set<String> component : stronglyConnected(graph)) {
            if (component.size() > 1) {
                StringBuilder cycle = new StringBuilder("cycle between " + component + ":");
                for (String from : component) {
                    graph.get(from).forEach((to, why) -> {
                        if (component.contains(to)) {
                            cycle.append("\n  ").append(from).append(" -> ").append(to).append(" (").append(examples(why)).append(')');
                        }
                    });
                }
                cycles.add(cycle.toString());
            }
        }
        assertEquals(List.of(), cycles, "package cycles (break them, or list an SPI split in ALLOWED_CYCLE_EDGES)");
    }

    @Test
    void everyAllowedEdgeStillClosesACycle() {
        SortedMap<String, SortedMap<String, Set<String>>> graph = packageGraph();
        List<String> stale = ALLOWED_CYCLE_EDGES.keySet().stream().sorted()
                .filter(edge -> {
                    String[] ends = edge.split(" -> ");
                    return !graph.getOrDefault(ends[0], new TreeMap<>()).containsKey(ends[1])
                            || !reaches(graph, ends[1], ends[0]);
                })
                .toList();
        assertEquals(List.of(), stale, "no longer part of a cycle: drop these from ALLOWED_CYCLE_EDGES");
    }

    @Test
    void onlyCliDependsOnCli() {
        assertEquals(List.of(), uses("dev/policygen/cli/", "cli"), "cli is the outermost layer: nothing may depend on it");
    }

    @Test
    void onlyCliUsesPicocli() {
        assertEquals(List.of(), uses("picocli/", "cli"), "picocli types belong in dev.policygen.cli");
    }

    @Test
    void onlyAwsUsesTheAwsSdk() {
        assertEquals(List.of(), uses("software/amazon/awssdk/", "aws"), "SDK types belong in dev.policygen.aws");
    }

    /** "class -> referenced class" for every reference to {@code prefix} from outside {@code owner} (and its subpackages). */
    private static List<String> uses(String prefix, String owner) {
        List<String> found = new ArrayList<>();
        for (ClassReferences c : classes) {
            if (!inside(relative(c.packageName()), owner)) {
                c.referenced().stream().filter(r -> r.startsWith(prefix))
                        .forEach(r -> found.add(c.name().replace('/', '.') + " -> " + r.replace('/', '.')));
            }
        }
        return found;
    }

    private static boolean inside(String pkg, String owner) {
        return pkg.equals(owner) || pkg.startsWith(owner + ".");
    }

    /** Package -> package it depends on -> the classes behind that dependency (names relative to dev.policygen). */
    private static SortedMap<String, SortedMap<String, Set<String>>> packageGraph() {
        SortedMap<String, SortedMap<String, Set<String>>> graph = new TreeMap<>();
        for (ClassReferences c : classes) {
            String from = relative(c.packageName());
            SortedMap<String, Set<String>> targets = graph.computeIfAbsent(from, p -> new TreeMap<>());
            for (String r : c.referenced()) {
                String to = ClassReferences.packageOf(r);
                if ((to.equals(ROOT) || to.startsWith(ROOT + ".")) && !relative(to).equals(from)) {
                    targets.computeIfAbsent(relative(to), p -> new TreeSet<>())
                            .add(simple(c.name()) + "->" + simple(r));
                }
            }
        }
        graph.values().forEach(targets -> targets.keySet().forEach(to -> graph.putIfAbsent(to, new TreeMap<>())));
        return graph;
    }

    /** The first three classes behind a dependency, enough to find it. */
    private static String examples(Set<String> why) {
        List<String> first = why.stream().limit(3).toList();
        return String.join(", ", first) + (why.size() > 3 ? ", ... " + (why.size() - 3) + " more" : "");
    }

    /** The root package is "(root)"; others drop the "dev.policygen." prefix. */
    private static String relative(String pkg) {
        return pkg.equals(ROOT) ? "(root)" : pkg.substring(ROOT.length() + 1);
    }

    private static String simple(String internalName) {
        return internalName.substring(internalName.lastIndexOf('/') + 1);
    }

    private static boolean reaches(SortedMap<String, SortedMap<String, Set<String>>> graph, String from, String to) {
        Set<String> seen = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(from));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (next.equals(to)) {
                return true;
            }
            if (seen.add(next)) {
                todo.addAll(graph.getOrDefault(next, new TreeMap<>()).keySet());
            }
        }
        return false;
    }

    /** Tarjan's strongly connected components; a component of more than one package is a cycle. */
    private static List<Set<String>> stronglyConnected(SortedMap<String, SortedMap<String, Set<String>>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> components = new ArrayList<>();
        for (String start : graph.keySet()) {
            if (!index.containsKey(start)) {
                visit(start, graph, index, low, stack, onStack, components);
            }
        }
        return components;
    }

    private static void visit(String node, SortedMap<String, SortedMap<String, Set<String>>> graph,
            Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
            List<Set<String>> components) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        onStack.add(node);
        for (String next : graph.get(node).keySet()) {
            if (!index.containsKey(next)) {
                visit(next, graph, index, low, stack, onStack, components);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            components.add(component);
        }
    }

    private static ClassReferences read(Path classFile) {
        try {
            return ClassReferences.read(classFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
