/**
 * Nudges: the timed work that keeps the programme alive (session reminders, check-in prompts, tips of the week,
 * request expiry, question escalation, inactive pairs, the leads' digest), each delivered once, in the
 * recipient's working hours, by Quartz jobs over a durable schedule of due nudges.
 */
package io.tandem.nudges;
