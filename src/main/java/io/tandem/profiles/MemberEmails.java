package io.tandem.profiles;

import io.tandem.engine.MemberId;
import java.util.Optional;

/**
 * Port: members' work emails, where a platform or a roster gave them, so leads and roster rows can name people by
 * email. Emails are compared without regard to case.
 */
public interface MemberEmails {

    void set(MemberId member, String email);

    Optional<MemberId> find(String workspace, String email);

    Optional<String> of(MemberId member);
}
