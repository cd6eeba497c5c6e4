package io.tandem.programme;

import io.tandem.engine.MemberId;
import java.util.Set;

/** Port: the leads named from chat ({@code /mentor admin lead add}), beside those in {@code tandem.leads}. */
public interface LeadStore {

    Set<MemberId> leads(String workspace);

    /** False when they already were. */
    boolean add(MemberId lead);

    /** False when they were not. */
    boolean remove(MemberId lead);
}
