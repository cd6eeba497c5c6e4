package io.tandem.moderation;

import io.tandem.engine.MemberId;
import java.util.Set;

/**
 * Port: what each member reported (a question, an answer, a tip), so that each item reaches the leads once per
 * reporter. Kept per member: it is theirs, exported with their data and forgotten with them.
 */
public interface Reports {

    /** Records that {@code reporter} reported the item; false if they already had. */
    boolean first(MemberId reporter, String kind, String id);

    /** What the member reported, as {@code <kind>:<id>}. */
    Set<String> madeBy(MemberId reporter);
}
