/**
 * The programme leads' tools: {@code /stats} (aggregates only, small numbers hidden), who leads, and the
 * programme's settings from chat.
 */
package io.tandem.stats;
