package io.tandem.pairing;

import io.tandem.engine.ActionValue;
import io.tandem.engine.Block;
import io.tandem.engine.Invocation;
import io.tandem.engine.Language;
import io.tandem.engine.Messages;
import io.tandem.engine.Notification;
import io.tandem.engine.NotificationKind;
import io.tandem.engine.Notifier;
import io.tandem.engine.Refusal;
import io.tandem.engine.Reply;
import io.tandem.engine.TextLimit;
import io.tandem.matching.FindCommand;
import io.tandem.matching.FindingMentors;
import io.tandem.matching.MentorMatch;
import io.tandem.moderation.SendingLimit;
import io.tandem.profiles.Profile;
import io.tandem.profiles.ProfileView;
import io.tandem.profiles.Profiles;
import io.tandem.programme.ProgrammeSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Mentoring requests: a mentee asks, the mentor accepts (a pair is formed, both directions of the exchange
 * recorded) or declines (the mentee is told kindly and offered the next best mentor), or the request expires.
 * Refused with a clear message: yourself, a paused mentor, a mentor at capacity, a second pending request to the
 * same person, someone you are already paired with.
 */
@Component
public class Requests {

    public static final String ACCEPT = "mentoring.request.accept";
    public static final String DECLINE = "mentoring.request.decline";
    public static final String DECLINE_SAVE = "mentoring.request.decline.save";

    private final Profiles profiles;
    private final PairStore pairStore;
    private final RequestStore requestStore;
    private final ProfileView view;
    private final FindingMentors finding;
    private final Notifier notifier;
    private final Clock clock;
    private final SendingLimit limit;
    private final Function<String, Duration> expireAfter;
    private final List<PairExtras> extras;

    /** Requests expire after the workspace's {@code request-expiry} setting. */
    public Requests(
            Profiles profiles,
            PairStore pairStore,
            RequestStore requestStore,
            ProfileView view,
            FindingMentors finding,
            Notifier notifier,
            Clock clock,
            SendingLimit limit,
            ProgrammeSettings settings,
            List<PairExtras> extras) {
        this.extras = List.copyOf(extras);
        this.limit = limit;
        this.profiles = profiles;
        this.pairStore = pairStore;
        this.requestStore = requestStore;
        this.view = view;
        this.finding = finding;
        this.notifier = notifier;
        this.clock = clock;
        this.expireAfter = settings::requestExpiry;
    }

    /** The mentee asks the mentor to teach them a skill. */
    public Reply ask(Invocation in, Profile mentor, String skill, String message) {
        TextLimit.MESSAGE.check(message);
        Profile mentee = profiles.mine(in);
        if (mentor.id().equals(mentee.id())) {
            throw new Refusal("request.self");
        }
        if (mentor.paused()) {
            throw new Refusal("request.paused", mentor.name());
        }
        if (pairStore.pairs(mentee.id()).stream().anyMatch(p -> p.open() && p.involves(mentor.id()))) {
            throw new Refusal("request.already-paired", mentor.name());
        }
        if (requestStore.pending(mentee.id()).stream().anyMatch(r -> r.mentor().equals(mentor.id()))) {
            throw new Refusal("request.already-pending", mentor.name());
        }
        if (mentor.spare() == 0) {
            throw new Refusal("request.full", mentor.name());
        }
        limit.spend(mentee.id());
        MentoringRequest request = new MentoringRequest(
                UUID.randomUUID().toString(),
                mentee.id(),
                mentor.id(),
                skill,
                message,
                MentoringRequest.Status.PENDING,
                clock.instant(),
                null,
                null);
        requestStore.save(request);
        Messages theirs = Messages.of(mentor.effectiveLanguage());
        String value = ActionValue.of("request", request.id());
        Reply.Builder dm = Reply.builder()
                .text(theirs.get("request.notification", mentee.name(), view.skill(skill, theirs.language())));
        if (message != null && !message.isBlank()) {
            dm.section(theirs.get("request.message"), message);
        }
        dm.block(view.card(
                mentee,
                theirs,
                List.of(
                        new Block.Button(ACCEPT, theirs.get("button.accept"), value, Block.ButtonStyle.PRIMARY),
                        new Block.Button(DECLINE, theirs.get("button.decline"), value, Block.ButtonStyle.DANGER))));
        notifier.send(Notification.of(mentor.id(), NotificationKind.REQUEST, theirs, dm.build())
                .orTell(mentee.id(), in.messages(), Reply.text(in.t("request.undelivered", mentor.name()))));
        return Reply.text(in.t(
                "request.sent", mentor.name(), view.skill(skill, in.messages().language())));
    }

    /**
     * The mentor accepts: a pair is formed; both are told the next step; the exchange may go both ways. Answering
     * the request, forming the pair and taking the mentor's place are one atomic step ({@link RequestStore#accept}):
     * clicks on several instances at once never make two pairs, nor more than the mentor's capacity.
     */
    public Reply accept(Invocation in, MentoringRequest request) {
        Profile mentor = profiles.mine(in);
        Profile mentee = profiles.find(request.mentee()).orElseThrow(() -> new Refusal("action.stale"));
        if (mentor.spare() == 0) {
            throw new Refusal("request.accept.full");
        }
        Pair pair = Pair.formed(mentor, mentee, request.skill(), clock.instant());
        Set<String> reverse = pair.reverse();
        switch (requestStore.accept(request.answered(MentoringRequest.Status.ACCEPTED, clock.instant(), null), pair)) {
            case ALREADY_ANSWERED -> throw new Refusal("request.already-answered");
            case MENTOR_FULL -> throw new Refusal("request.accept.full");
            case ACCEPTED -> {
                // the pair is formed: tell both
            }
        }

        Messages menteeText = Messages.of(mentee.effectiveLanguage());
        Reply.Builder toMentee = Reply.builder()
                .text(menteeText.get(
                        "request.accepted", mentor.name(), view.skill(request.skill(), menteeText.language())));
        Reply.Builder toMentor = Reply.builder()
                .text(in.t(
                        "request.accepted.mentor",
                        mentee.name(),
                        view.skill(request.skill(), in.messages().language())));
        if (!reverse.isEmpty()) {
            toMentee.section(
                    null,
                    menteeText.get(
                            "request.reverse.mentee", mentor.name(), view.skills(reverse, menteeText.language())));
            toMentor.section(
                    null,
                    in.t(
                            "request.reverse.mentor",
                            mentee.name(),
                            view.skills(reverse, in.messages().language())));
        }
        for (PairExtras extra : extras) {
            extra.introduction(pair, menteeText).forEach(line -> toMentee.section(null, line));
            extra.introduction(pair, in.messages()).forEach(line -> toMentor.section(null, line));
        }
        toMentee.block(new Block.Section(
                null,
                menteeText.get("request.next"),
                List.of(),
                List.of(PairActions.scheduleButton(pair, menteeText))));
        toMentor.block(new Block.Section(
                null, in.t("request.next"), List.of(), List.of(PairActions.scheduleButton(pair, in.messages()))));
        notifier.send(Notification.of(mentee.id(), NotificationKind.REQUEST_ACCEPTED, menteeText, toMentee.build())
                .about(mentor.id()));
        return toMentor.build();
    }

    /** The Decline button: a small form for an optional reason. */
    Reply declineForm(Invocation in, MentoringRequest request) {
        return Reply.builder()
                .block(new Block.Form(
                        DECLINE_SAVE,
                        in.t("request.decline.title"),
                        in.t("button.decline"),
                        List.of(new Block.Input(
                                "reason",
                                in.t("request.decline.reason"),
                                Block.InputType.MULTILINE,
                                false,
                                "",
                                in.t("request.decline.hint"),
                                null)),
                        Map.of(),
                        ActionValue.of("request", request.id())))
                .build();
    }

    /** The mentor declines, with an optional reason: the mentee is told kindly and offered the next best mentor. */
    public Reply decline(Invocation in, MentoringRequest request, String reason) {
        TextLimit.REASON.check(reason);
        if (!requestStore.answer(request.answered(MentoringRequest.Status.DECLINED, clock.instant(), reason))) {
            throw new Refusal("request.already-answered");
        }
        Profile mentor = profiles.mine(in);
        Optional<Profile> mentee = profiles.find(request.mentee());
        mentee.ifPresent(m -> notifier.send(alternatives(
                m, request, NotificationKind.REQUEST_DECLINED, "request.declined", mentor.name(), reason)));
        return Reply.text(
                in.t("request.declined.mentor", mentee.map(Profile::name).orElse("?")));
    }

    /** Requests not answered in time expire; their mentees are offered alternatives. Returns how many expired. */
    public int expireDue(String workspace) {
        return expireDue(workspace, notifier);
    }

    /** Expires the requests nobody answered in time; the mentees are told through {@code via}. */
    public int expireDue(String workspace, Notifier via) {
        int expired = 0;
        for (MentoringRequest request :
                requestStore.pendingCreatedBefore(workspace, clock.instant().minus(expireAfter.apply(workspace)))) {
            if (!requestStore.answer(request.answered(MentoringRequest.Status.EXPIRED, clock.instant(), null))) {
                continue; // answered meanwhile, or expired by another instance
            }
            Optional<Profile> mentee = profiles.find(request.mentee());
            String mentorName = profiles.find(request.mentor())
                    .map(Profile::name)
                    .orElseGet(() -> Messages.of(
                                    mentee.map(Profile::effectiveLanguage).orElse(Language.EN))
                            .get("member.former"));
            mentee.ifPresent(m -> via.send(
                    alternatives(m, request, NotificationKind.REQUEST_EXPIRED, "request.expired", mentorName, null)));
            expired++;
        }
        return expired;
    }

    /** The mentee told that a request came to nothing, with the next best mentor if there is one. */
    private Notification alternatives(
            Profile mentee,
            MentoringRequest request,
            NotificationKind kind,
            String key,
            String mentorName,
            String why) {
        Messages m = Messages.of(mentee.effectiveLanguage());
        String skill = view.skill(request.skill(), m.language());
        Reply.Builder reply = Reply.builder().text(m.get(key, mentorName, skill));
        if (why != null && !why.isBlank()) {
            reply.section(m.get("request.declined.reason"), why);
        }
        List<MentorMatch> next = finding.find(mentee, request.skill(), FindCommand.RESULTS + 1).stream()
                .filter(match -> !match.mentor().id().equals(request.mentor()))
                .limit(1)
                .toList();
        if (next.isEmpty()) {
            reply.section(null, m.get("request.no-alternative", skill));
            return Notification.of(mentee.id(), kind, m, reply.build()).about(request.mentor());
        }
        Profile other = next.get(0).mentor();
        reply.block(new Block.Section(
                m.get("request.alternative", skill),
                other.label(),
                List.of(),
                List.of(view.requestButton(other, request.skill(), m), view.profileButton(other, m))));
        return Notification.of(mentee.id(), kind, m, reply.build()).about(request.mentor(), other.id());
    }

    /** The request named in an action value, which the caller must be the mentor of, and still pending. */
    MentoringRequest forMentor(Invocation in) {
        MentoringRequest request = ActionValue.parse(in.action().value())
                .get("request")
                .flatMap(id -> requestStore.request(in.caller().id().workspace(), id))
                .filter(r -> r.mentor().equals(in.caller().id()))
                .orElseThrow(() -> new Refusal("action.stale"));
        if (!request.pending()) {
            throw new Refusal("request.already-answered");
        }
        return request;
    }
}
