/**
 * Sessions of a pair: booking with the time parser, rescheduling, cancelling, calendar invites, and the check-in
 * after each session. Port: {@link io.tandem.sessions.SessionStore}.
 */
package io.tandem.sessions;
