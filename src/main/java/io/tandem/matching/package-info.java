/**
 * Finding mentors: {@link io.tandem.matching.FindingMentors} scores who can teach a skill, reverse direction first,
 * with the reasons in words; {@code /mentor find} and its buttons.
 */
package io.tandem.matching;
