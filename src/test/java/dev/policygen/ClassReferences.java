package dev.policygen;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classes one compiled class refers to, read from its constant pool: every class entry (calls,
 * field accesses, casts, catches, supertypes) and every type named in a descriptor or generic
 * signature (parameter, return and field types, annotations, lambda shapes). String constants are
 * skipped, so a class that only mentions a package name in a message does not depend on it.
 * Reading the pool ourselves keeps ArchitectureTest free of a new dependency and of jdeps' output
 * format.
 */
record ClassReferences(String name, Set<String> referenced) {
    /** An object type inside a descriptor or signature: {@code Lpkg/Name;} or {@code Lpkg/Name<...>;}. */
    private static final Pattern OBJECT_TYPE = Pattern.compile("L([\\w$/]+)[;<.]");

    /** Package of an internal class name, in dotted form ({@code dev/policygen/cli/Main} -> {@code dev.policygen.cli}). */
    static String packageOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash).replace('/', '.');
    }

    String packageName() {
        return packageOf(name);
    }

    static ClassReferences read(Path classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(classFile)));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException(classFile + " is not a class file");
        }
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classNameIndex = new int[count];
        BitSet stringConstants = new BitSet(count);
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classNameIndex[i] = in.readUnsignedShort();
                case 8 -> stringConstants.set(in.readUnsignedShort());
                case 16, 19, 20 -> in.readUnsignedShort(); // MethodType (its descriptor is a Utf8 scanned below), Module, Package
                case 15 -> in.skipBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 5, 6 -> {
                    in.skipBytes(8);
                    i++; // a long or double takes two slots
                }
                default -> throw new IOException(classFile + ": unknown constant pool tag " + tag + " at " + i);
            }
        }
        in.readUnsignedShort(); // access flags
        String self = utf8[classNameIndex[in.readUnsignedShort()]];

        Set<String> referenced = new TreeSet<>();
        BitSet classNames = new BitSet(count);
        for (int i = 1; i < count; i++) {
            if (classNameIndex[i] != 0) {
                classNames.set(classNameIndex[i]);
                addClassEntry(utf8[classNameIndex[i]], referenced);
            }
        }
        for (int i = 1; i < count; i++) {
            if (utf8[i] != null && !classNames.get(i) && !stringConstants.get(i)) {
                Matcher type = OBJECT_TYPE.matcher(utf8[i]);
                while (type.find()) {
                    referenced.add(type.group(1));
                }
            }
        }
        referenced.remove(self);
        return new ClassReferences(self, referenced);
    }

    /** A class entry is an internal name, or an array descriptor for array types ({@code [Lpkg/Name;}). */
    private static void addClassEntry(String entry, Set<String> referenced) {
        if (entry.startsWith("[")) {
            Matcher type = OBJECT_TYPE.matcher(entry);
            while (type.find()) {
                referenced.add(type.group(1));
            }
        } else {
            referenced.add(entry);
        }
    }
}
