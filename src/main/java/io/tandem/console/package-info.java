/**
 * The local web console adapter: a chat page at {@code /} and its JSON API at {@code /api/console}, so Tandem can
 * be tried with no Slack or Teams account. Console members are {@code console:<handle>}; their notifications go
 * to an inbox the page shows. On by default; {@code tandem.console.enabled=false} turns it off.
 */
package io.tandem.console;
