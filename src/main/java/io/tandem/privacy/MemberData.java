package io.tandem.privacy;

import io.tandem.engine.MemberId;

/**
 * Port: everything Tandem keeps about one member, found by ownership (never by searching text for their name), to
 * hand it to them or to forget it. Both cost in proportion to the member's own data, not to the workspace's.
 */
public interface MemberData {

    /** What the member's data is, record by record (for {@link MemberExport}). */
    Holdings holdings(MemberId member);

    /** The member's export: {@link MemberExport#document} of their {@link #holdings}, as JSON. */
    String export(MemberId member);

    /**
     * Forgets the member. What is only theirs is deleted: their profile and its indexes, check-ins and private
     * notes, feedback, preferences, reports, email, the notifications waiting for them or showing them, their own
     * export. In records they share with others (a request, a pair, a session, a question, an answer, a tip) the
     * reference to them becomes {@link MemberId#former(String) a former member}; nothing else in those records
     * changes: text others wrote stays as they wrote it, even where it names them. Afterwards no key or stored field
     * holds their id, handle, name or email.
     */
    void erase(MemberId member);
}
