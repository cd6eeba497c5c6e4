/**
 * Keeping asking safe: reports and hiding of questions, answers and tips, and the sending limit per member.
 */
package io.tandem.moderation;
