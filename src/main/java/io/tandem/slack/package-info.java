/**
 * The Slack adapter, on Bolt for Java: slash commands, buttons, modals, the App Home, direct messages and
 * mentions become {@link io.tandem.engine.ChatEvent}s; {@link io.tandem.engine.Reply}s become Block Kit within
 * Slack's limits. Notifications leave through the delivery queue ({@link io.tandem.slack.SlackSender}).
 * Translation only: no command parsing or matching here.
 */
package io.tandem.slack;
