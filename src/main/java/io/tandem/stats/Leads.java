package io.tandem.stats;

import io.tandem.engine.Invocation;
import io.tandem.engine.Refusal;
import io.tandem.mentoring.Programme;

/** The one check every lead-only command makes first. */
final class Leads {

    private Leads() {
    }

    static void require(Invocation in, Programme programme) {
        if (!programme.isLead(in.caller().id())) {
            throw new Refusal("admin.leads-only");
        }
    }
}
