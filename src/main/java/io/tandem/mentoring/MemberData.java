package io.tandem.mentoring;

import io.tandem.engine.MemberId;

/** Port: everything Tandem keeps about one member, to hand it to them or to forget it. */
public interface MemberData {

    /** All the member's data as a JSON document (their own notes included: it is theirs). */
    String export(MemberId member);

    /**
     * Forgets the member: their profile, requests, check-ins, notes, preferences and anything addressed to them
     * are erased; what they wrote for others (answers, tips, questions) and the pairs and sessions others share
     * with them stay, credited to "a former member". Afterwards no key or value holds their id, handle or name.
     */
    void erase(MemberId member, String name, String handle);
}
