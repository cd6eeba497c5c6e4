package io.tandem.profiles;

import io.tandem.engine.Command;
import io.tandem.engine.CommandSpec;
import io.tandem.engine.Invocation;
import io.tandem.engine.Reply;

/** {@code /mentor pause} and {@code /mentor resume}: paused members are not suggested to anyone. */
public final class PauseCommand implements Command {

    private final boolean pausing;
    private final CommandSpec spec;
    private final Profiles profiles;

    PauseCommand(boolean pausing, Profiles profiles) {
        this.pausing = pausing;
        this.spec = pausing
                ? CommandSpec.mentor("pause", "pause")
                : CommandSpec.mentor("resume", "resume", "reprendre", "reprise", "unpause");
        this.profiles = profiles;
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public Reply run(Invocation in) {
        Profile me = profiles.mine(in);
        if (me.paused() == pausing) {
            return Reply.text(in.t(pausing ? "pause.already" : "resume.already"));
        }
        profiles.save(me, me.withPaused(pausing));
        return Reply.text(in.t(pausing ? "pause.done" : "resume.done"));
    }
}
