package io.tandem.modules;

import java.util.List;
import java.util.Map;

/**
 * Port: a workspace's own modules (those its leads imported) and how far each pair got in the modules it follows.
 * Implementations throw {@link io.tandem.engine.StoreUnavailableException} when the store cannot be reached.
 */
public interface ModuleStore {

    /** The workspace's own modules, each replacing the starter module of its skill and language. */
    List<Module> own(String workspace);

    /** Saves imported modules, each replacing the workspace's own module of its skill and language, if any. */
    void save(String workspace, List<Module> modules);

    /** Removes the workspace's own modules of a skill (both languages); false if it had none. */
    boolean remove(String workspace, String skill);

    /** Steps done, by skill, for one pair. */
    Map<String, Integer> progress(String workspace, String pairId);

    /** Steps done, by pair id then skill, for every pair of the workspace that has done one. */
    Map<String, Map<String, Integer>> progress(String workspace);

    /**
     * Marks step {@code step} of the pair's module for {@code skill} done, in one atomic step, if it is the next one
     * (the steps before it done, not it): both members checking in about the same step count it once. False when it
     * was not the next step.
     */
    boolean markDone(String workspace, String pairId, String skill, int step);
}
