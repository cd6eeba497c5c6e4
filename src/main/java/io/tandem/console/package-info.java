/**
 * The local web console adapter: a chat page at {@code /} and its JSON API at {@code /api/console}, so Tandem can
 * be tried with no Slack or Teams account. Console members are {@code console:<handle>}; their notifications go
 * to an inbox the page shows. It trusts any typed handle, so it is on by itself only in pure local mode
 * ({@link io.tandem.config.LocalMode}); {@code tandem.console.enabled} true or false decides otherwise.
 */
package io.tandem.console;
