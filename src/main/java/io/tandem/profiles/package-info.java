/**
 * Members: profiles (what each teaches and wants to learn, seniority, team, manager, capacity, pause), the
 * commands that edit them, and the one label used for a person. Storage goes through {@link
 * io.tandem.profiles.ProfileStore}.
 */
package io.tandem.profiles;
