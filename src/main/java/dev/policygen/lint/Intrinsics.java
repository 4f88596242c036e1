package dev.policygen.lint;

import dev.policygen.json.JsonNode;

/** CloudFormation intrinsic functions, whose values are only known at deployment. */
public final class Intrinsics {
    private Intrinsics() {
    }

    /** {@code {"Ref": ...}} or {@code {"Fn::Sub": ...}}: an object of one member named like an intrinsic. */
    public static boolean isIntrinsic(JsonNode node) {
        if (node instanceof JsonNode.JsonObject object && object.members().size() == 1) {
            String key = object.members().get(0).key();
            return key.equals("Ref") || key.startsWith("Fn::");
        }
        return false;
    }
}
