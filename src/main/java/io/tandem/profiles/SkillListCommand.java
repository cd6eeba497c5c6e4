package io.tandem.profiles;

import io.tandem.engine.Block;
import io.tandem.engine.Command;
import io.tandem.engine.CommandSpec;
import io.tandem.engine.Invocation;
import io.tandem.engine.Messages;
import io.tandem.engine.Refusal;
import io.tandem.engine.Reply;
import io.tandem.skills.Skill;
import io.tandem.skills.SkillMatch;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /mentor teach|learn|unteach|unlearn <skills>}: adds skills to, or removes them from, what a member
 * teaches or wants to learn. One class, four registered commands.
 */
public final class SkillListCommand implements Command {

    /** Which list, and whether to add or remove. */
    public enum Kind {
        TEACH("teach", true, true, "teach", "enseigner", "enseigne", "transmettre"),
        LEARN("learn", false, true, "learn", "apprendre", "apprend"),
        UNTEACH("unteach", true, false, "unteach", "plus-enseigner", "desenseigner"),
        UNLEARN("unlearn", false, false, "unlearn", "plus-apprendre", "desapprendre");

        final String id;
        final boolean teaching;
        final boolean adding;
        final String[] words;

        Kind(String id, boolean teaching, boolean adding, String... words) {
            this.id = id;
            this.teaching = teaching;
            this.adding = adding;
            this.words = words;
        }
    }

    private static final int MAX_SKILLS = ProfileView.MAX_SKILLS;

    private final Kind kind;
    private final CommandSpec spec;
    private final Profiles profiles;
    private final ProfileView view;

    public SkillListCommand(Kind kind, Profiles profiles, ProfileView view) {
        this.kind = kind;
        this.spec = CommandSpec.mentor(kind.id, kind.words);
        this.profiles = profiles;
        this.view = view;
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public Reply run(Invocation in) {
        List<String> typed = in.args().list();
        if (typed.isEmpty()) {
            throw new Refusal("skills." + kind.id + ".usage");
        }
        Messages m = in.messages();
        List<SkillMatch> matches = new ArrayList<>();
        for (String t : typed) {
            matches.add(view.catalog().resolve(t).orElseThrow(() -> new Refusal("skill.invalid", t)));
        }
        Profile me = profiles.mine(in);
        Set<String> current = new LinkedHashSet<>(kind.teaching ? me.teaches() : me.learns());
        List<String> notThere = new ArrayList<>();
        for (SkillMatch match : matches) {
            if (kind.adding) {
                current.add(match.id());
            } else if (!current.remove(match.id())) {
                notThere.add(view.skill(match.id(), m.language()));
            }
        }
        if (current.size() > MAX_SKILLS) {
            throw new Refusal("skills.too-many", MAX_SKILLS);
        }
        profiles.save(me, kind.teaching ? me.withTeaches(current) : me.withLearns(current));

        Reply.Builder reply = Reply.builder()
                .text(m.get(
                        "skills." + (kind.teaching ? "teach" : "learn") + ".now", view.skills(current, m.language())));
        for (SkillMatch match : matches) {
            if (match instanceof SkillMatch.FreeTag tag) {
                Optional<Skill> close = tag.didYouMean();
                reply.section(
                        null,
                        close.isPresent()
                                ? m.get(
                                        "skills.free-tag.close",
                                        tag.tag(),
                                        close.get().name(m.language()))
                                : m.get("skills.free-tag", tag.tag()));
            }
        }
        if (!notThere.isEmpty()) {
            reply.section(null, m.get("skills.not-there", String.join(", ", notThere)));
        }
        if (kind == Kind.LEARN) {
            List<Block.Button> finds = matches.stream()
                    .map(SkillMatch::id)
                    .distinct()
                    .limit(3)
                    .map(s -> view.findButton(s, m))
                    .toList();
            reply.block(new Block.Section(null, m.get("skills.learn.next"), List.of(), finds));
        }
        return reply.build();
    }
}
