/**
 * Tips: colleagues write short tips for a skill ({@code /mentor tip}); each week one tip per skill area with
 * learners is chosen and sent to them, without repeats until the area's tips are used up, preferring new and
 * well-rated ones, with a curated starter set (English and French) when colleagues have written none.
 */
package io.tandem.tips;
