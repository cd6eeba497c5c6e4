/**
 * The leads' dashboard at {@code /dashboard}: pages rendered on the server for programme leads, signed in with
 * the platform they already use (Slack's or Microsoft Entra ID's OpenID Connect; a demo sign-in in pure local mode
 * only). An adapter like the chat platforms: what a lead does here runs the same chat commands through the
 * {@link io.tandem.engine.ConversationEngine}, and the figures come from the same services as {@code /stats}.
 */
package io.tandem.dashboard;
