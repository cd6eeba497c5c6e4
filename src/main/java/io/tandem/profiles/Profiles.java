package io.tandem.profiles;

import io.tandem.engine.ActionValue;
import io.tandem.engine.Caller;
import io.tandem.engine.ChatEvent;
import io.tandem.engine.Invocation;
import io.tandem.engine.Language;
import io.tandem.engine.MemberId;
import io.tandem.engine.Mention;
import io.tandem.engine.Participants;
import io.tandem.engine.PersonRef;
import io.tandem.engine.Refusal;
import io.tandem.engine.Text;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who members are: records first contact and changes the platform reports (name, locale, timezone), and
 * resolves the people named in commands to profiles.
 */
@Component
public class Profiles implements Participants {

    private final ProfileStore store;
    private final Clock clock;

    private final DefaultCapacity capacity;

    public Profiles(ProfileStore store, Clock clock, DefaultCapacity capacity) {
        this.store = store;
        this.clock = clock;
        this.capacity = capacity;
    }

    @Override
    public Caller identify(ChatEvent event) {
        Profile profile = current(event);
        ZoneId zone = profile.zone() == null ? ZoneOffset.UTC : profile.zone();
        return new Caller(profile.id(), profile.name(), profile.effectiveLanguage(), zone);
    }

    /** The profile of the member behind an event, created on first contact and kept up to date. */
    public Profile current(ChatEvent event) {
        MemberId id = event.member();
        Language locale = event.locale() == null ? null : event.language();
        Optional<Profile> existing = store.find(id);
        if (existing.isEmpty()) {
            Profile created = Profile.newcomer(
                            id, event.displayName(), event.language(), event.timezone(), clock.instant())
                    .withCapacity(capacity.defaultCapacity(id.workspace()));
            store.save(created);
            return created;
        }
        Profile profile = existing.get();
        Profile updated = profile.withBasics(event.displayName(), locale, event.timezone());
        if (!updated.equals(profile)) {
            store.save(profile, updated);
        }
        return updated;
    }

    /** The caller's own profile. */
    public Profile mine(Invocation in) {
        return store.find(in.caller().id()).orElseGet(() -> current(in.event()));
    }

    public void save(Profile profile) {
        store.save(profile);
    }

    /** Saves the fields the caller changed from {@code readBefore}, keeping concurrent edits of other fields. */
    public void save(Profile readBefore, Profile after) {
        store.save(readBefore, after);
    }

    public Optional<Profile> find(MemberId id) {
        return store.find(id);
    }

    /**
     * Resolves a person named in a command within the caller's workspace: a platform user id, a Teams mention
     * (matched by its text to the ids the platform sent), or a handle. Refuses with a friendly message if unknown.
     */
    public Profile resolve(Invocation in, PersonRef ref) {
        String workspace = in.caller().id().workspace();
        Optional<MemberId> id = switch (ref.kind()) {
            case USER_ID -> Optional.of(new MemberId(workspace, ref.key()));
            case NAME ->
                in.event().mentions().stream()
                        .filter(m -> Text.fold(stripAt(m.text())).equals(Text.fold(ref.key())))
                        .map(Mention::userId)
                        .filter(Objects::nonNull)
                        .findFirst()
                        .map(user -> new MemberId(workspace, user))
                        .or(() -> store.findByHandle(workspace, ref.key()));
            case HANDLE -> store.findByHandle(workspace, ref.key());
        };
        return id.flatMap(store::find).orElseThrow(() -> new Refusal("person.unknown", "@" + ref));
    }

    private static String stripAt(String text) {
        return text.replaceAll("</?at>", "").strip();
    }

    /** The member named in a button's value under {@code key}, who must exist in the caller's own workspace. */
    public Profile fromAction(Invocation in, String key) {
        return ActionValue.parse(in.action().value())
                .get(key)
                .flatMap(MemberId::parse)
                .filter(m -> m.workspace().equals(in.caller().id().workspace()))
                .flatMap(this::find)
                .orElseThrow(() -> new Refusal("action.stale"));
    }

    /** The first person a command names, as a profile; with nobody named, the command's usage ({@code usageKey}). */
    public Profile named(Invocation in, String usageKey) {
        List<PersonRef> people = in.args().people();
        if (people.isEmpty()) {
            throw new Refusal(usageKey);
        }
        return resolve(in, people.get(0));
    }
}
