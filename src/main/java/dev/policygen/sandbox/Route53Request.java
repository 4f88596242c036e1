package dev.policygen.sandbox;

import dev.policygen.eval.ContextValue;
import dev.policygen.route53.Route53Names;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A Route 53 call as the pipeline carries it: the operation routed from the path, then the query
 * and, for ChangeResourceRecordSets, the parsed batch, whose record names, types and actions are
 * IAM context (docs/design/iam-semantics.md §8.3).
 *
 * @param batch the parsed change batch, or null for the other operations and before the body is read
 */
record Route53Request(Route53Call call, List<QueryString.Parameter> query, ChangeRequestXml.Batch batch)
        implements EmulatedService.Call {

    /** What the path alone says, before the query and body are read. */
    static Route53Request routed(HttpRequest http) throws Route53Error {
        return new Route53Request(Route53Call.route(http.method(), http.path()), List.of(), null);
    }

    /** The routed call with its query and, for a change, its body read. */
    static Route53Request read(HttpRequest http, Route53Call call) throws Route53Error {
        List<QueryString.Parameter> query = QueryString.parse(http.rawQuery());
        ChangeRequestXml.Batch batch = call.operation() == Route53Call.Operation.CHANGE_RESOURCE_RECORD_SETS
                ? ChangeRequestXml.parse(http.body()) : null;
        return new Route53Request(call, query, batch);
    }

    @Override
    public String operation() {
        return call.operation().wireName();
    }

    @Override
    public String action() {
        return call.operation().action();
    }

    @Override
    public String resource() {
        return call.resourceArn();
    }

    @Override
    public List<ContextValue> context() {
        if (batch == null) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        Set<String> types = new LinkedHashSet<>();
        Set<String> actions = new LinkedHashSet<>();
        for (RequestedChange change : batch.changes()) {
            names.add(change.set().name());
            types.add(change.set().type());
            actions.add(change.action());
        }
        List<ContextValue> context = new ArrayList<>();
        context.add(ContextValue.multi(Route53Names.KEY_NAMES, List.copyOf(names)));
        context.add(ContextValue.multi(Route53Names.KEY_TYPES, List.copyOf(types)));
        context.add(ContextValue.multi(Route53Names.KEY_ACTIONS, List.copyOf(actions)));
        return context;
    }
}
