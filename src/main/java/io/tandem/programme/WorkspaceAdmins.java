package io.tandem.programme;

import io.tandem.engine.MemberId;

/** Port: a platform's own administrators, who count as programme leads when the operator says so. */
@FunctionalInterface
public interface WorkspaceAdmins {

    boolean isAdmin(MemberId member);
}
