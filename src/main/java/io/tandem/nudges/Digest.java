package io.tandem.nudges;

import io.tandem.config.TandemProperties;
import io.tandem.engine.Block;
import io.tandem.engine.Language;
import io.tandem.engine.MemberId;
import io.tandem.engine.Messages;
import io.tandem.engine.Notification;
import io.tandem.engine.NotificationKind;
import io.tandem.engine.Notifier;
import io.tandem.engine.Reply;
import io.tandem.engine.StoreUnavailableException;
import io.tandem.pairing.Pair;
import io.tandem.pairing.PairStore;
import io.tandem.profiles.Profile;
import io.tandem.profiles.ProfileStore;
import io.tandem.profiles.Profiles;
import io.tandem.programme.Programme;
import io.tandem.sessions.Session;
import io.tandem.sessions.SessionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The leads' weekly digest: how the programme went last week, in counts only (no names, no feedback), followed by
 * the sections other packages add ({@link DigestSection}).
 */
@Component
public class Digest {

    private static final Logger log = LoggerFactory.getLogger(Digest.class);
    private static final Duration WEEK = Duration.ofDays(7);

    private final Programme programme;
    private final ProfileStore profileStore;
    private final Profiles profiles;
    private final PairStore pairStore;
    private final SessionStore sessionStore;
    private final Clock clock;
    private final Duration inactiveAfter;
    private final List<DigestSection> sections;

    public Digest(
            Programme programme,
            ProfileStore profileStore,
            Profiles profiles,
            PairStore pairStore,
            SessionStore sessionStore,
            Clock clock,
            TandemProperties properties,
            List<DigestSection> sections) {
        this.programme = programme;
        this.profileStore = profileStore;
        this.profiles = profiles;
        this.pairStore = pairStore;
        this.sessionStore = sessionStore;
        this.clock = clock;
        this.inactiveAfter = properties.nudges().inactiveAfter();
        this.sections = List.copyOf(sections);
    }

    /** Sends the digest to each lead of the workspace; returns how many leads. */
    public int send(String workspace, Notifier via) {
        List<MemberId> leads = programme.leads(workspace);
        if (leads.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        List<Pair> pairs = pairStore.activePairs(workspace);
        int held = 0;
        int planned = 0;
        int quiet = 0;
        Set<String> seen = new HashSet<>();
        for (Pair pair : pairs) {
            Instant last = pair.createdAt() == null ? now : pair.createdAt();
            boolean upcoming = false;
            for (Session s : sessionStore.sessions(pair.mentor())) {
                if (!pair.id().equals(s.pairId()) || s.status() != Session.Status.SCHEDULED || !seen.add(s.id())) {
                    continue;
                }
                if (!s.start().isAfter(now)) {
                    last = s.start().isAfter(last) ? s.start() : last;
                    if (s.start().isAfter(now.minus(WEEK))) {
                        held++;
                    }
                } else {
                    upcoming = true;
                    if (s.start().isBefore(now.plus(WEEK))) {
                        planned++;
                    }
                }
            }
            if (!upcoming && Duration.between(last, now).compareTo(inactiveAfter) >= 0) {
                quiet++;
            }
        }
        long members = profileStore.count(workspace);
        List<DigestSection.Part> parts = parts(workspace);
        for (MemberId lead : leads) {
            Messages m = Messages.of(
                    profiles.find(lead).map(Profile::effectiveLanguage).orElse(Language.EN));
            Reply.Builder digest = Reply.builder()
                    .text(m.get("digest.title"))
                    .block(new Block.Section(
                            null,
                            null,
                            List.of(
                                    new Block.Field(m.get("digest.members"), String.valueOf(members)),
                                    new Block.Field(m.get("digest.pairs"), String.valueOf(pairs.size())),
                                    new Block.Field(m.get("digest.held"), String.valueOf(held)),
                                    new Block.Field(m.get("digest.planned"), String.valueOf(planned)),
                                    new Block.Field(
                                            m.get("digest.quiet", inactiveAfter.toDays()), String.valueOf(quiet))),
                            List.of()));
            parts.forEach(part -> digest.block(part.in(m)));
            via.send(Notification.of(lead, NotificationKind.DIGEST, m, digest.build()));
        }
        return leads.size();
    }

    /** The other packages' sections; one that fails is left out (and logged), the digest still goes. */
    private List<DigestSection.Part> parts(String workspace) {
        List<DigestSection.Part> parts = new ArrayList<>();
        for (DigestSection section : sections) {
            try {
                parts.addAll(section.sections(workspace));
            } catch (StoreUnavailableException e) {
                throw e;
            } catch (RuntimeException e) {
                log.error(
                        "The digest section {} of workspace {} failed; left out",
                        section.getClass().getSimpleName(),
                        workspace,
                        e);
            }
        }
        return parts;
    }
}
