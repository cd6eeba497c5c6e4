package io.tandem.profiles;

import io.tandem.engine.Block;
import io.tandem.engine.Command;
import io.tandem.engine.CommandSpec;
import io.tandem.engine.Invocation;
import io.tandem.engine.PersonRef;
import io.tandem.engine.Reply;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code /mentor profile [@someone]}: my profile, or someone else's. */
@Component
public class ProfileCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.mentor("profile", "profile", "profil", "me", "moi");

    private final List<ProfileExtras> extras;
    private final Profiles profiles;
    private final ProfileView view;

    public ProfileCommand(Profiles profiles, ProfileView view, List<ProfileExtras> extras) {
        this.extras = List.copyOf(extras);
        this.profiles = profiles;
        this.view = view;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public Reply run(Invocation in) {
        List<PersonRef> people = in.args().people();
        if (people.isEmpty() && !in.args().isEmpty()) {
            return show(
                    in,
                    profiles.resolve(
                            in,
                            new PersonRef(
                                    PersonRef.Kind.HANDLE,
                                    in.args().firstWord(),
                                    in.args().firstWord())));
        }
        return show(in, people.isEmpty() ? profiles.mine(in) : profiles.resolve(in, people.get(0)));
    }

    Reply show(Invocation in, Profile p) {
        boolean mine = p.id().equals(in.caller().id());
        Block.Section card =
                view.card(p, in.messages(), mine ? List.of(EditingProfile.button(in.messages())) : List.of());
        List<Block.Field> fields = new ArrayList<>(card.fields());
        extras.forEach(extra -> fields.addAll(extra.fields(p, in.messages())));
        Reply.Builder reply =
                Reply.builder().block(new Block.Section(card.heading(), card.text(), fields, card.buttons()));
        if (mine) {
            reply.section(
                    null,
                    in.t(p.teaches().isEmpty() && p.learns().isEmpty() ? "profile.mine.empty" : "profile.mine.hint"));
        }
        return reply.build();
    }
}
