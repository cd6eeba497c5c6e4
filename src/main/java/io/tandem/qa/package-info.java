/**
 * Peer Q&amp;A, the "message in a bottle": anyone asks a question about a skill, anonymously if they prefer; it
 * reaches a few colleagues who teach that skill, spread fairly; answers come back, and the asker can mark one
 * helpful. An anonymous question never reveals its asker: not in any text, id, action value or field sent to
 * anyone. Storage goes through the {@link io.tandem.qa.QuestionStore} port.
 */
package io.tandem.qa;
