package io.tandem.tips;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Port: colleagues' tips, which tips each skill area has used this round, and how useful each was found. */
public interface TipStore {

    void save(String workspace, Tip tip);

    /** Colleagues' tips for a skill, newest first. */
    List<Tip> tips(String workspace, String skill);

    /** {@link #tips(String, String)} for many skills at once (the leads' figures read every skill's). */
    default Map<String, List<Tip>> tips(String workspace, Collection<String> skills) {
        Map<String, List<Tip>> out = new LinkedHashMap<>();
        skills.forEach(s -> out.put(s, tips(workspace, s)));
        return out;
    }

    /** Tips already used this round by an area ({@code round}: a skill and a language, e.g. {@code seo:fr}). */
    Set<String> used(String workspace, String round);

    void markUsed(String workspace, String round, String tipId);

    /** A new round: every tip of the area may be chosen again. */
    void resetUsed(String workspace, String round);

    /** Counts a "useful" for the tip (and its author's contributor stats); false when the member already did. */
    boolean markUseful(String workspace, Tip tip, String member);

    Map<String, Long> usefulness(String workspace, List<String> tipIds);

    /** A lead hid a tip (a colleague's or a starter one): it is no longer listed or chosen. */
    void hide(String workspace, String tipId);

    Set<String> hidden(String workspace);
}
