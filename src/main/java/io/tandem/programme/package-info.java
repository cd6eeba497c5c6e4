/**
 * The programme in each workspace: its leads, its settings ({@code /mentor admin set}), the roster import and the
 * lead-only admin commands.
 */
package io.tandem.programme;
