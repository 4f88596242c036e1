package dev.policygen.sandbox;

/**
 * Which Route 53 operation a request is, with the ids its path names. The IAM action is
 * {@code route53:<operation>} (SAR list_amazonroute53).
 */
record Route53Call(Operation operation, String zoneId, String changeId) {

    enum Operation {
        LIST_HOSTED_ZONES("ListHostedZones"),
        LIST_HOSTED_ZONES_BY_NAME("ListHostedZonesByName"),
        GET_HOSTED_ZONE("GetHostedZone"),
        LIST_RESOURCE_RECORD_SETS("ListResourceRecordSets"),
        CHANGE_RESOURCE_RECORD_SETS("ChangeResourceRecordSets"),
        GET_CHANGE("GetChange");

        private final String wireName;

        Operation(String wireName) {
            this.wireName = wireName;
        }

        String wireName() {
            return wireName;
        }

        String action() {
            return "route53:" + wireName;
        }
    }

    private static final String PREFIX = "/2013-04-01/";

    /**
     * Routes a request by method and path. SDKs differ in how they put ids in paths (some send
     * {@code /hostedzone//hostedzone/Z1}), so a repeated resource type is dropped before matching.
     */
    static Route53Call route(String method, String rawPath) throws Route53Error {
        String path = QueryString.decode(rawPath, false).replace("//", "/");
        path = path.replace("/hostedzone/hostedzone/", "/hostedzone/").replace("/change/change/", "/change/");
        if (path.startsWith(PREFIX)) {
            String[] parts = trimSlashes(path.substring(PREFIX.length())).split("/");
            boolean get = method.equals("GET");
            if (parts.length == 1 && parts[0].equals("hostedzone") && get) {
                return new Route53Call(Operation.LIST_HOSTED_ZONES, null, null);
            }
            if (parts.length == 1 && parts[0].equals("hostedzonesbyname") && get) {
                return new Route53Call(Operation.LIST_HOSTED_ZONES_BY_NAME, null, null);
            }
            if (parts.length == 2 && parts[0].equals("hostedzone") && get) {
                return new Route53Call(Operation.GET_HOSTED_ZONE, parts[1], null);
            }
            if (parts.length == 3 && parts[0].equals("hostedzone") && parts[2].equals("rrset")) {
                if (get) {
                    return new Route53Call(Operation.LIST_RESOURCE_RECORD_SETS, parts[1], null);
                }
                if (method.equals("POST")) {
                    return new Route53Call(Operation.CHANGE_RESOURCE_RECORD_SETS, parts[1], null);
                }
            }
            if (parts.length == 2 && parts[0].equals("change") && get) {
                return new Route53Call(Operation.GET_CHANGE, null, parts[1]);
            }
        }
        throw Route53Error.sender(404, "UnknownOperationException", "The policygen sandbox emulates ListHostedZones, "
                + "ListHostedZonesByName, GetHostedZone, ListResourceRecordSets, ChangeResourceRecordSets and GetChange; "
                + method + " " + rawPath + " is none of them");
    }

    private static String trimSlashes(String path) {
        String trimmed = path;
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    /** The resource ARN IAM authorizes against (docs/design/iam-semantics.md §8.3): bare ids, {@code *} for lists. */
    String resourceArn() {
        return switch (operation) {
            case GET_HOSTED_ZONE, LIST_RESOURCE_RECORD_SETS, CHANGE_RESOURCE_RECORD_SETS ->
                    "arn:aws:route53:::hostedzone/" + zoneId;
            case GET_CHANGE -> "arn:aws:route53:::change/" + changeId;
            case LIST_HOSTED_ZONES, LIST_HOSTED_ZONES_BY_NAME -> "*";
        };
    }
}
