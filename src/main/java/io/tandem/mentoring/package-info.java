/**
 * Mentoring: member profiles (skills to teach and to learn, seniority, team, manager, capacity), the skill
 * taxonomy, and matching mentors to mentees ({@link io.tandem.mentoring.FindingMentors}). Requests, pairs,
 * sessions and check-ins join here with the mentoring flow.
 *
 * <p>Storage goes through the {@link io.tandem.mentoring.ProfileStore} port; no Redis, web or platform types here.
 */
package io.tandem.mentoring;
