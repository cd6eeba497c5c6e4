package io.tandem.engine;

/**
 * Handles clicks on buttons and form submissions whose action id is {@link #actionId()}. Action ids are
 * namespaced by feature ({@code mentoring.request}); the value carries what the handler needs.
 */
public interface ActionHandler {

    String actionId();

    Reply handle(Invocation invocation);
}
