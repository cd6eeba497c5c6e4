package io.tandem.engine;

import java.util.function.Function;

/**
 * Handles clicks on buttons and form submissions whose action id is {@link #actionId()}. Action ids are
 * namespaced by feature ({@code mentoring.request}); the value carries what the handler needs.
 */
public interface ActionHandler {

    String actionId();

    Reply handle(Invocation invocation);

    /** A handler whose work is one function: most are. */
    static ActionHandler of(String actionId, Function<Invocation, Reply> handle) {
        return new ActionHandler() {
            @Override
            public String actionId() {
                return actionId;
            }

            @Override
            public Reply handle(Invocation invocation) {
                return handle.apply(invocation);
            }
        };
    }
}
