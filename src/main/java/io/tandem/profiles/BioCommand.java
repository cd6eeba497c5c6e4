package io.tandem.profiles;

import io.tandem.engine.Command;
import io.tandem.engine.CommandSpec;
import io.tandem.engine.Invocation;
import io.tandem.engine.Refusal;
import io.tandem.engine.Reply;
import io.tandem.engine.TextLimit;
import org.springframework.stereotype.Component;

/** {@code /mentor bio <text>}: a sentence about myself, shown on my profile. */
@Component
public class BioCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.mentor("bio", "bio", "presentation");

    private final Profiles profiles;

    public BioCommand(Profiles profiles) {
        this.profiles = profiles;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public Reply run(Invocation in) {
        String text = in.args().text();
        if (text.isEmpty()) {
            throw new Refusal("bio.usage");
        }
        TextLimit.BIO.check(text);
        Profile me = profiles.mine(in);
        profiles.save(me, me.withBio(text));
        return Reply.text(in.t("bio.saved", text));
    }
}
