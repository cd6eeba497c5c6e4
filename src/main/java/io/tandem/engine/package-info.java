/**
 * The conversation engine: the platform-neutral heart of Tandem.
 *
 * <p>Adapters (Slack, Teams, the local console) turn what people type or click into a {@link
 * io.tandem.engine.ChatEvent};
 * the engine parses it with one grammar for every platform, runs the matching command from the
 * {@link io.tandem.engine.CommandRegistry} and answers with a {@link io.tandem.engine.Reply}. Messages for other
 * members leave as {@link io.tandem.engine.Notification}s through the {@link io.tandem.engine.Notifier} port.
 *
 * <p>This package knows no chat platform, no HTTP, no Redis and no Spring: an ArchUnit test keeps it so.
 */
package io.tandem.engine;
