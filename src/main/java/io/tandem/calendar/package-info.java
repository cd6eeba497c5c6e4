/**
 * Calendar invites over HTTP: {@code GET /calendar/<token>.ics} serves a session as an RFC 5545 invite (a new
 * SEQUENCE on each change, {@code METHOD:CANCEL} once cancelled), behind an unguessable token.
 */
package io.tandem.calendar;
