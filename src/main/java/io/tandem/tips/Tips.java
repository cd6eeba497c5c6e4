package io.tandem.tips;

import io.tandem.engine.ActionValue;
import io.tandem.engine.Block;
import io.tandem.engine.Invocation;
import io.tandem.engine.Language;
import io.tandem.engine.MemberId;
import io.tandem.engine.Messages;
import io.tandem.engine.Notification;
import io.tandem.engine.NotificationKind;
import io.tandem.engine.Notifier;
import io.tandem.engine.Refusal;
import io.tandem.engine.Reply;
import io.tandem.engine.TextLimit;
import io.tandem.moderation.Moderation;
import io.tandem.moderation.SendingLimit;
import io.tandem.profiles.Profile;
import io.tandem.profiles.ProfileStore;
import io.tandem.profiles.ProfileView;
import io.tandem.profiles.Profiles;
import io.tandem.programme.Programme;
import io.tandem.skills.Skill;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Writing, listing and choosing tips. The tip of the week of a skill area is, in each learner's language, a tip
 * the area has not used yet this round: colleagues' first (most found useful, then newest), then the starter set;
 * once every tip was used, a new round begins.
 */
@Component
public class Tips {

    static final String USEFUL = "tips.useful";
    static final String MODERATED = "tip";
    /** At most this many areas in the programme channel's weekly post. */
    static final int CHANNEL_AREAS = 15;

    static final int MIN_LENGTH = 20;

    private final TipStore store;
    private final ProfileStore profileStore;
    private final Profiles profiles;
    private final ProfileView view;
    private final Notifier notifier;
    private final Clock clock;
    private final Programme programme;
    private final List<Tip> starter;
    private final SendingLimit limit;

    public Tips(
            TipStore store,
            ProfileStore profileStore,
            Profiles profiles,
            ProfileView view,
            Notifier notifier,
            Clock clock,
            Programme programme,
            SendingLimit limit) {
        this.limit = limit;
        this.programme = programme;
        this.store = store;
        this.profileStore = profileStore;
        this.profiles = profiles;
        this.view = view;
        this.notifier = notifier;
        this.clock = clock;
        this.starter = starterSet();
    }

    /** {@code /mentor tip <skill> <text>}. */
    public Reply write(Invocation in, String skill, String text) {
        if (text.length() < MIN_LENGTH) {
            throw new Refusal("tips.too-short", MIN_LENGTH);
        }
        TextLimit.TIP.check(text);
        limit.spend(in.caller().id());
        store.save(
                in.caller().id().workspace(),
                new Tip(
                        UUID.randomUUID().toString(),
                        skill,
                        in.caller().language(),
                        text.strip(),
                        in.caller().id(),
                        clock.instant()));
        return Reply.text(in.t("tips.saved", view.skill(skill, in.messages().language())));
    }

    /** {@code /mentor tips [skill]}: recent tips for a skill, or for what I learn. */
    public Reply list(Invocation in, Optional<String> skill) {
        Messages m = in.messages();
        List<String> skills = skill.map(List::of)
                .orElseGet(() ->
                        profiles.mine(in).learns().stream().sorted().limit(3).toList());
        if (skills.isEmpty()) {
            return Reply.text(m.get("tips.none.learning"));
        }
        Reply.Builder reply = Reply.builder();
        String ws = in.caller().id().workspace();
        Set<String> hidden = store.hidden(ws);
        for (String s : skills) {
            List<Tip> tips = visible(store.tips(ws, s), hidden);
            List<Tip> shown = (tips.isEmpty() ? visible(starter(s, m.language()), hidden) : tips)
                    .stream().limit(3).toList();
            String name = view.skill(s, m.language());
            if (shown.isEmpty()) {
                reply.section(name, m.get("tips.none", name));
            }
            for (Tip tip : shown) {
                reply.block(tipCard(name, tip, m));
            }
        }
        return reply.build();
    }

    /**
     * Sends the week's tip of every skill area with learners to its learners (paused members get nothing).
     * Returns how many were sent. The nudges schedule it; the choice is here.
     */
    public int sendWeek(String workspace, List<Skill> skills) {
        return sendWeek(workspace, skills, notifier);
    }

    /** As {@link #sendWeek(String, List)}, sending through {@code via} (the nudges time each one). */
    public int sendWeek(String workspace, List<Skill> skills, Notifier via) {
        int sent = 0;
        Language channelLanguage = programme.language(workspace);
        Messages cm = Messages.of(channelLanguage);
        Reply.Builder channelPost = Reply.builder().text(cm.get("tips.week.channel"));
        List<MemberId> channelAuthors = new ArrayList<>();
        int channelAreas = 0;
        for (Skill skill : skills) {
            Map<Language, List<Profile>> byLanguage = new LinkedHashMap<>();
            for (MemberId id : profileStore.learners(workspace, skill.id())) {
                profiles.find(id)
                        .filter(p -> !p.paused())
                        .ifPresent(p -> byLanguage
                                .computeIfAbsent(p.effectiveLanguage(), l -> new ArrayList<>())
                                .add(p));
            }
            if (byLanguage.isEmpty()) {
                continue;
            }
            Map<Language, Optional<Tip>> chosen = new LinkedHashMap<>();
            for (Map.Entry<Language, List<Profile>> group : byLanguage.entrySet()) {
                Optional<Tip> tip = chosen.computeIfAbsent(group.getKey(), l -> choose(workspace, skill.id(), l));
                if (tip.isEmpty()) {
                    continue;
                }
                Messages m = Messages.of(group.getKey());
                Reply message = Reply.builder()
                        .text(m.get("tips.week", skill.name(group.getKey())))
                        .block(tipCard(null, tip.get(), m))
                        .build();
                for (Profile learner : group.getValue()) {
                    via.send(Notification.of(learner.id(), NotificationKind.TIP_OF_THE_WEEK, m, message)
                            .about(tip.get().author()));
                    sent++;
                }
            }
            Optional<Tip> forChannel = chosen.computeIfAbsent(channelLanguage, l -> choose(workspace, skill.id(), l));
            if (forChannel.isPresent() && channelAreas < CHANNEL_AREAS) {
                channelPost.block(tipCard(skill.name(channelLanguage), forChannel.get(), cm));
                channelAuthors.add(forChannel.get().author());
                channelAreas++;
            }
        }
        if (channelAreas > 0) {
            Reply post = channelPost.build();
            programme
                    .channel(workspace)
                    .ifPresent(c -> via.send(Notification.of(c, NotificationKind.TIPS_IN_CHANNEL, cm, post)
                            .about(channelAuthors.toArray(MemberId[]::new))));
        }
        return sent;
    }

    private Block.Section tipCard(String heading, Tip tip, Messages m) {
        return new Block.Section(
                heading,
                tip.text(),
                List.of(new Block.Field(m.get("tips.field.by"), by(tip, m))),
                List.of(usefulButton(tip, m), Moderation.reportButton(MODERATED, moderationId(tip), m)));
    }

    static String moderationId(Tip tip) {
        return tip.skill() + ":" + tip.id();
    }

    private static List<Tip> visible(List<Tip> tips, Set<String> hidden) {
        return hidden.isEmpty()
                ? tips
                : tips.stream().filter(t -> !hidden.contains(t.id())).toList();
    }

    /** A tip by its moderation id ({@code skill:id}), hidden or not. */
    Optional<Tip> find(String workspace, String moderationId) {
        int colon = moderationId.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String skill = moderationId.substring(0, colon);
        String id = moderationId.substring(colon + 1);
        return Stream.concat(
                        store.tips(workspace, skill).stream(),
                        starter.stream().filter(t -> t.skill().equals(skill)))
                .filter(t -> t.id().equals(id))
                .findFirst();
    }

    boolean hidden(String workspace, Tip tip) {
        return store.hidden(workspace).contains(tip.id());
    }

    void hide(String workspace, Tip tip) {
        store.hide(workspace, tip.id());
    }

    /**
     * This week's tip of an area in a language, marked used; empty when there is none at all. A tip in the
     * learner's language comes first (colleagues', then the starter set's); another language only when the
     * area has nothing in theirs. Each language keeps its own round, so one never uses up the other's tips.
     */
    Optional<Tip> choose(String workspace, String skill, Language language) {
        Set<String> hidden = store.hidden(workspace);
        List<Tip> colleagues = visible(store.tips(workspace, skill), hidden);
        List<Tip> pool = Stream.concat(
                        colleagues.stream().filter(t -> t.language() == language),
                        visible(starter(skill, language), hidden).stream())
                .toList();
        if (pool.isEmpty()) {
            pool = colleagues;
        }
        if (pool.isEmpty()) {
            return Optional.empty();
        }
        String round = skill + ":" + language.code();
        Set<String> used = store.used(workspace, round);
        List<Tip> fresh = pool.stream().filter(t -> !used.contains(t.id())).toList();
        if (fresh.isEmpty()) {
            store.resetUsed(workspace, round);
            fresh = pool;
        }
        Map<String, Long> useful =
                store.usefulness(workspace, fresh.stream().map(Tip::id).toList());
        Optional<Tip> chosen = fresh.stream()
                .min(Comparator.comparing(Tip::starter)
                        .thenComparing(t -> -useful.getOrDefault(t.id(), 0L))
                        .thenComparing(
                                t -> t.createdAt() == null ? 0 : -t.createdAt().toEpochMilli()));
        chosen.ifPresent(t -> store.markUsed(workspace, round, t.id()));
        return chosen;
    }

    /** The Useful button: counts once per member, for the tip and its author. */
    public Reply useful(Invocation in) {
        ActionValue value = ActionValue.parse(in.action().value());
        String skill = value.get("skill").orElseThrow(() -> new Refusal("action.stale"));
        String id = value.get("tip").orElseThrow(() -> new Refusal("action.stale"));
        String ws = in.caller().id().workspace();
        Tip tip = find(ws, skill + ":" + id).filter(t -> !hidden(ws, t)).orElseThrow(() -> new Refusal("action.stale"));
        boolean counted = store.markUseful(
                in.caller().id().workspace(), tip, in.caller().id().user());
        return Reply.text(in.t(counted ? "tips.useful.thanks" : "tips.useful.already"));
    }

    List<Tip> starter(String skill, Language language) {
        return starter.stream()
                .filter(t -> t.skill().equals(skill) && t.language() == language)
                .toList();
    }

    private String by(Tip tip, Messages m) {
        return tip.starter()
                ? m.get("tips.by.starter")
                : profiles.find(tip.author()).map(Profile::name).orElse(m.get("tips.by.former"));
    }

    private static Block.Button usefulButton(Tip tip, Messages m) {
        return new Block.Button(
                USEFUL,
                m.get("button.useful"),
                ActionValue.of("tip", tip.id(), "skill", tip.skill()),
                Block.ButtonStyle.DEFAULT);
    }

    private static List<Tip> starterSet() {
        List<Tip> tips = new ArrayList<>();
        var resource = Tips.class.getResourceAsStream("/tips/starter.txt");
        if (resource == null) {
            return tips;
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(resource, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String t = line.strip();
                String[] f = t.split(" \\| ", 3);
                if (t.isEmpty() || t.startsWith("#") || f.length != 3) {
                    continue;
                }
                Optional<Language> language = Language.parse(f[1]);
                language.ifPresent(l -> tips.add(new Tip(
                        "starter:" + f[0] + ":" + l.code() + ":" + tips.size(),
                        f[0].strip(),
                        l,
                        f[2].strip(),
                        null,
                        null)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(tips);
    }
}
