package io.tandem.stats;

import io.tandem.engine.MemberId;
import java.time.Instant;
import java.util.Map;

/** Port: how many thanks each member received in a period (recognition brings it; none without it). */
@FunctionalInterface
public interface ThanksReceived {

    Map<MemberId, Long> between(String workspace, Instant from, Instant to);
}
