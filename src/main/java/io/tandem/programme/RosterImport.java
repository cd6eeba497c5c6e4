package io.tandem.programme;

import io.tandem.engine.ActionValue;
import io.tandem.engine.Block;
import io.tandem.engine.CsvTable;
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
import io.tandem.profiles.MemberEmails;
import io.tandem.profiles.Profile;
import io.tandem.profiles.ProfileStore;
import io.tandem.profiles.Seniority;
import io.tandem.skills.SkillCatalog;
import io.tandem.skills.SkillMatch;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;

/**
 * {@code /mentor admin import} followed by CSV lines: creates or updates profiles and reports each rejected row
 * with why. Newcomers are invited, not enrolled: they stay out of matching until they press Join.
 * Columns (a header line names them, in any order): {@code handle} (or the platform's user id) and/or
 * {@code email} (someone Tandem already knows by email), {@code name},
 * {@code team}, {@code manager}, {@code seniority}, {@code teaches}, {@code learns} (skills separated by
 * {@code ;}), {@code language}, {@code timezone}. A cell longer than its {@link TextLimit} rejects its row.
 */
@Component
public class RosterImport {

    static final String JOIN = "roster.join";
    static final int MAX_ROWS = 2000;
    /** Well under the command length limit, with room for the command itself. */
    public static final int PART = 3_500;

    private static final Set<String> COLUMNS = Set.of(
            "handle", "name", "team", "manager", "seniority", "teaches", "learns", "language", "timezone", "email");

    private final ProfileStore profiles;
    private final SkillCatalog catalog;
    private final ProgrammeSettings settings;
    private final Notifier notifier;
    private final Clock clock;
    private final MemberEmails emails;

    public RosterImport(
            ProfileStore profiles,
            SkillCatalog catalog,
            ProgrammeSettings settings,
            Notifier notifier,
            Clock clock,
            MemberEmails emails) {
        this.emails = emails;
        this.profiles = profiles;
        this.catalog = catalog;
        this.settings = settings;
        this.notifier = notifier;
        this.clock = clock;
    }

    Reply run(Invocation in, String csv) {
        if (csv.isBlank()) {
            throw new Refusal("roster.usage");
        }
        String ws = in.caller().id().workspace();
        CsvTable table = CsvTable.read(csv, false).orElseThrow(() -> new Refusal("roster.unreadable"));
        List<CSVRecord> records = table.rows();
        if (!table.columns().contains("handle") && !table.columns().contains("email")) {
            throw new Refusal("roster.no-handle");
        }
        List<String> unknown = table.unknown(COLUMNS);
        if (!unknown.isEmpty()) {
            throw new Refusal("roster.unknown-columns", String.join(", ", unknown));
        }
        if (records.size() > MAX_ROWS) {
            throw new Refusal("roster.too-many", MAX_ROWS);
        }
        Messages m = in.messages();
        List<String> rejected = new ArrayList<>();
        List<Profile> invited = new ArrayList<>();
        int updated = 0;
        Set<String> seen = new LinkedHashSet<>();
        for (CSVRecord row : records) {
            long line = row.getRecordNumber() + 1;
            try {
                Row r = read(row, table, ws, m);
                if (!seen.add(r.id().user())) {
                    throw new Refusal("roster.row.duplicate");
                }
                Optional<Profile> existing = profiles.find(r.id());
                Profile base = existing.orElseGet(
                        () -> Profile.newcomer(r.id(), r.name(), r.language(), r.zone(), clock.instant())
                                .withCapacity(settings.defaultCapacity(ws))
                                .withPaused(true));
                Profile merged = merge(base, r);
                if (existing.isPresent()) {
                    profiles.save(existing.get(), merged);
                } else {
                    profiles.save(merged);
                }
                r.email().ifPresent(e -> emails.set(r.id(), e));
                if (existing.isEmpty()) {
                    invited.add(merged);
                } else {
                    updated++;
                }
            } catch (Refusal refusal) {
                rejected.add(m.get("roster.rejected.line", line, m.get(refusal.key(), refusal.args())));
            }
        }
        for (Profile p : invited) {
            Messages theirs = Messages.of(p.effectiveLanguage());
            notifier.send(Notification.of(
                            p.id(),
                            NotificationKind.ROSTER_INVITATION,
                            theirs,
                            Reply.builder()
                                    .text(theirs.get(
                                            "roster.invitation", in.caller().name()))
                                    .block(new Block.Section(
                                            null,
                                            null,
                                            List.of(),
                                            List.of(new Block.Button(
                                                    JOIN,
                                                    theirs.get("button.join"),
                                                    ActionValue.of("member", p.id().toString()),
                                                    Block.ButtonStyle.PRIMARY))))
                                    .build())
                    .about(in.caller().id()));
        }
        Reply.Builder reply = Reply.builder().text(m.get("roster.report", invited.size(), updated, rejected.size()));
        if (!rejected.isEmpty()) {
            reply.items(m.get("roster.rejected"), rejected.stream().limit(50).toList());
        }
        return reply.build();
    }

    private record Row(
            MemberId id,
            String name,
            String team,
            Optional<MemberId> manager,
            Seniority seniority,
            Set<String> teaches,
            Set<String> learns,
            Language language,
            ZoneId zone,
            Optional<String> email) {}

    private Row read(CSVRecord row, CsvTable table, String ws, Messages m) {
        String handle = table.cell(row, "handle").replaceFirst("^@", "");
        String email = TextLimit.EMAIL.check(table.cell(row, "email"));
        TextLimit.NAME.check(table.cell(row, "name"));
        TextLimit.TEAM.check(table.cell(row, "team"));
        TextLimit.SKILLS.check(table.cell(row, "teaches"));
        TextLimit.SKILLS.check(table.cell(row, "learns"));
        if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new Refusal("roster.row.email", email);
        }
        String user;
        if (handle.isEmpty() && !email.isEmpty()) {
            // someone Tandem knows by email already (Slack gave it, or an earlier roster)
            user = emails.find(ws, email)
                    .map(MemberId::user)
                    .orElseThrow(() -> new Refusal("roster.row.email-unknown", email));
        } else if (!handle.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,79}")) {
            throw new Refusal("roster.row.handle", handle);
        } else {
            user = ws.equals("console") ? handle.toLowerCase(Locale.ROOT) : handle;
        }
        Seniority seniority = null;
        String s = table.cell(row, "seniority");
        if (!s.isEmpty()) {
            seniority = Seniority.parse(s).orElseThrow(() -> new Refusal("roster.row.seniority", s));
        }
        Language language = null;
        String l = table.cell(row, "language");
        if (!l.isEmpty()) {
            language = Language.parse(l).orElseThrow(() -> new Refusal("roster.row.language", l));
        }
        ZoneId zone = null;
        String z = table.cell(row, "timezone");
        if (!z.isEmpty()) {
            try {
                zone = ZoneId.of(z);
            } catch (DateTimeException e) {
                throw new Refusal("roster.row.timezone", z);
            }
        }
        Optional<MemberId> manager = Optional.empty();
        String boss = TextLimit.NAME.check(table.cell(row, "manager").replaceFirst("^@", ""));
        if (!boss.isEmpty()) {
            manager = Optional.of(profiles.findByHandle(ws, boss)
                    .orElseGet(() -> new MemberId(ws, ws.equals("console") ? boss.toLowerCase(Locale.ROOT) : boss)));
        }
        return new Row(
                new MemberId(ws, user),
                blankToNull(table.cell(row, "name")),
                blankToNull(table.cell(row, "team")),
                manager,
                seniority,
                skills(table.cell(row, "teaches")),
                skills(table.cell(row, "learns")),
                language,
                zone,
                email.isEmpty() ? Optional.empty() : Optional.of(email));
    }

    private Set<String> skills(String cell) {
        Set<String> out = new LinkedHashSet<>();
        for (String typed : cell.split("[;|]")) {
            if (!typed.isBlank()) {
                catalog.resolve(typed.strip()).map(SkillMatch::id).ifPresent(out::add);
            }
        }
        return out;
    }

    private static Profile merge(Profile p, Row r) {
        Profile out = p;
        if (r.team() != null) {
            out = out.withTeam(r.team());
        }
        if (r.manager().isPresent()) {
            out = out.withManager(r.manager().get());
        }
        if (r.seniority() != null) {
            out = out.withSeniority(r.seniority());
        }
        if (!r.teaches().isEmpty()) {
            Set<String> all = new LinkedHashSet<>(out.teaches());
            all.addAll(r.teaches());
            out = out.withTeaches(all);
        }
        if (!r.learns().isEmpty()) {
            Set<String> all = new LinkedHashSet<>(out.learns());
            all.addAll(r.learns());
            out = out.withLearns(all);
        }
        if (r.language() != null) {
            out = out.withLanguage(r.language());
        }
        if (r.zone() != null) {
            out = out.withZone(r.zone());
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Join: the invited member opts in, and can now be matched. */
    Reply join(Invocation in) {
        if (!ActionValue.parse(in.action().value())
                .get("member")
                .orElse("")
                .equals(in.caller().id().toString())) {
            throw new Refusal("action.stale");
        }
        Profile me = profiles.find(in.caller().id()).orElseThrow(() -> new Refusal("action.stale"));
        if (me.paused()) {
            profiles.save(me, me.withPaused(false));
        }
        return Reply.text(in.t("roster.joined"));
    }

    /** The roster in parts of at most {@link #PART} characters, each starting with the header line: each part
     * fits one {@code /mentor admin import} command, whatever the adapter (a file shared in Slack, an upload on the
     * dashboard). */
    public static List<String> parts(String csv) {
        List<String> lines = csv.lines().filter(l -> !l.isBlank()).toList();
        List<String> parts = new ArrayList<>();
        if (lines.size() < 2) {
            return parts;
        }
        String header = lines.get(0);
        StringBuilder part = new StringBuilder(header);
        int rows = 0;
        for (String line : lines.subList(1, lines.size())) {
            if (rows > 0 && part.length() + 1 + line.length() > PART) {
                parts.add(part.toString());
                part = new StringBuilder(header);
                rows = 0;
            }
            part.append('\n').append(line);
            rows++;
        }
        parts.add(part.toString());
        return parts;
    }
}
