/**
 * The Microsoft Teams adapter, on the Bot Framework Java SDK (retired by Microsoft, so everything specific to it
 * stays in this package and can be swapped): {@code POST /api/messages} activities become
 * {@link io.tandem.engine.ChatEvent}s, {@link io.tandem.engine.Reply}s become Adaptive Cards 1.5, and
 * notifications go out proactively through the delivery queue ({@link io.tandem.teams.TeamsSender}).
 */
package io.tandem.teams;
