/**
 * Recognition: {@code /mentor thanks @person [what for]} after a session, an answer or a tip; the person is told and
 * it counts for them (the leads' top contributors, their profile if they choose to show it). A monthly post in the
 * programme channel names the people thanked most, only those who chose to be named ({@code /mentor recognition
 * on}, asked once, the first time they are thanked; off by default).
 */
package io.tandem.recognition;
