package io.tandem.profiles;

import io.tandem.engine.Block;
import io.tandem.engine.Messages;
import java.util.List;

/** Port: fields another feature adds to a member's profile card (recognition: how many people they helped). */
@FunctionalInterface
public interface ProfileExtras {

    List<Block.Field> fields(Profile profile, Messages m);
}
