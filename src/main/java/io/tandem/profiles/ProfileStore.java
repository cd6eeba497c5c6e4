package io.tandem.profiles;

import io.tandem.engine.MemberId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Port: where profiles live, with an index of who teaches which skill so that finding mentors never scans every
 * member. Every method costs a small, fixed number of round trips to the store, whatever the organisation's size.
 * Implementations throw {@link io.tandem.engine.StoreUnavailableException} when the store cannot be reached.
 */
public interface ProfileStore {

    Optional<Profile> find(MemberId id);

    /** The profiles of these members that exist, in one round trip. */
    Map<MemberId, Profile> findAll(Collection<MemberId> ids);

    /**
     * Saves a whole profile (a newcomer, an import) and updates the skill and handle indexes. The count of mentees is
     * kept as the store has it, except for a new profile.
     */
    void save(Profile profile);

    /**
     * Saves what changed between {@code readBefore} (the profile as the caller read it) and {@code after}, onto the
     * profile as it is now: an edit made meanwhile by someone else, of another field, is kept. Nothing is written
     * for a member who no longer exists.
     */
    void save(Profile readBefore, Profile after);

    /** Saves many new profiles at once (demo and roster loads); indexes included. */
    void saveAll(Collection<Profile> profiles);

    Optional<MemberId> findByHandle(String workspace, String handle);

    /**
     * Members of a workspace who teach a skill and are not paused: up to {@code perBand} from each seniority band
     * (and those who did not say), those with the most spare capacity first.
     */
    List<MemberId> teachers(String workspace, String skill, int perBand);

    /** How many active members teach each of these skills (skills nobody teaches are absent). */
    Map<String, Long> teacherCounts(String workspace, Collection<String> skills);

    /** Members of a workspace who want to learn a skill. */
    Set<MemberId> learners(String workspace, String skill);

    /** Number of members in a workspace. */
    long count(String workspace);

    /** Everyone with a profile in the workspace. */
    Set<MemberId> members(String workspace);

    /** Every workspace with members. */
    Set<String> workspaces();
}
