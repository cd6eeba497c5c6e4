package io.tandem.mentoring;

import java.util.Optional;

import io.tandem.engine.ActionValue;
import io.tandem.engine.Invocation;
import io.tandem.engine.MemberId;
import io.tandem.engine.Refusal;

/** Reading the values buttons carry. They come from outside: each is checked before use. */
final class MentoringActions {

    private MentoringActions() {
    }

    /** The member named in an action value, who must exist in the caller's own workspace. */
    static Profile member(Invocation in, Profiles profiles, String key) {
        Optional<MemberId> id = ActionValue.parse(in.action().value()).get(key).flatMap(MemberId::parse)
                .filter(m -> m.workspace().equals(in.caller().id().workspace()));
        return id.flatMap(profiles::find).orElseThrow(() -> new Refusal("action.stale"));
    }
}
