package io.tandem.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.engine.ActionValue;
import io.tandem.engine.Block;
import io.tandem.engine.Downloads;
import io.tandem.engine.MemberId;
import io.tandem.engine.Notification;
import io.tandem.engine.Reply;
import io.tandem.engine.TravelClock;
import io.tandem.nudges.Nudge;
import io.tandem.nudges.NudgeDispatcher;
import io.tandem.nudges.NudgeStore;
import io.tandem.pairing.MentoringRequest;
import io.tandem.pairing.RequestStore;
import io.tandem.pairing.Requests;
import io.tandem.profiles.Profile;
import io.tandem.profiles.Profiles;
import io.tandem.programme.Programme;
import io.tandem.programme.ProgrammeSettings;
import io.tandem.qa.Question;
import io.tandem.qa.QuestionStore;
import io.tandem.sessions.Session;
import io.tandem.sessions.SessionStore;
import io.tandem.support.EngineTest;
import io.tandem.support.FakeChat;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code /stats} on an organisation built through the engine, against figures the test counts itself as it
 * builds it; the "&lt;5" rule; refusals for non-leads; lead management from chat.
 */
@EngineTest
class StatsTests {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant T0 =
            LocalDateTime.parse("2026-03-02T10:00").atZone(PARIS).toInstant();

    @Autowired
    TravelClock clock;

    @Autowired
    RequestStore requestStore;

    @Autowired
    SessionStore sessionStore;

    @Autowired
    QuestionStore questions;

    @Autowired
    Requests requests;

    @Autowired
    Stats stats;

    @Autowired
    Downloads downloads;

    FakeChat chat;

    @BeforeEach
    void fresh(FakeChat fresh) {
        clock.reset();
        chat = fresh;
        clock.travelTo(T0);
    }

    @AfterEach
    void now() {
        clock.reset();
    }

    private MemberId id(String user) {
        return new MemberId("console", user);
    }

    private MentoringRequest pendingFor(String mentor) {
        return requestStore.pending(id(mentor)).stream()
                .filter(r -> r.mentor().equals(id(mentor)))
                .findFirst()
                .orElseThrow();
    }

    /** Equal but for the seconds the test itself takes (the moved clock keeps ticking). */
    private static void near(Duration actual, Duration expected) {
        assertThat(actual).isNotNull();
        assertThat(actual.minus(expected).abs()).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void computesTheProgrammesFiguresAndHidesSmallOnes() throws IOException {
        // the organisation: 8 junior and 1 exec mentors of SEO, 12 senior learners, 6 who want data analysis
        // (nobody teaches it), 2 paused
        for (int i = 0; i < 8; i++) {
            chat.say("j" + i, "/mentor set seniority junior");
            chat.say("j" + i, "/mentor teach seo");
        }
        chat.say("e0", "/mentor set seniority exec");
        chat.say("e0", "/mentor teach seo");
        for (int i = 0; i < 12; i++) {
            chat.say("s" + i, "/mentor set seniority senior");
            chat.say("s" + i, "/mentor learn seo");
        }
        for (int i = 0; i < 6; i++) {
            chat.say("d" + i, "/mentor learn data analysis");
        }
        for (String p : List.of("p0", "p1")) {
            chat.say(p, "/mentor teach seo");
            chat.say(p, "/mentor pause");
        }
        chat.say("lena", "/mentor help"); // the lead is a member too
        int members = 8 + 1 + 12 + 6 + 2 + 1;

        // 12 requests: 7 accepted (6 of them to a junior mentor: reverse pairs), 3 declined, 2 left to expire
        String[] mentorOf = {"j0", "j1", "j2", "j3", "j4", "j5", "j6", "j7", "e0", "e0", "j0", "j1"};
        List<Integer> accept = List.of(0, 1, 2, 3, 4, 5, 8);
        List<Integer> decline = List.of(6, 9, 10);
        for (int i = 0; i < 12; i++) {
            assertThat(chat.say("s" + i, "/mentor request @" + mentorOf[i] + " seo")
                            .text())
                    .contains("I've asked");
        }
        List<Duration> answerTimes = new ArrayList<>();
        Map<String, Instant> pairedAt = new HashMap<>();
        for (int i = 0; i < 12; i++) {
            if (!accept.contains(i) && !decline.contains(i)) {
                continue;
            }
            Duration after = Duration.ofHours(i + 1);
            clock.travelTo(T0.plus(after));
            MentoringRequest r = requestStore.pending(id("s" + i)).get(0);
            String action = accept.contains(i) ? "mentoring.request.accept" : "mentoring.request.decline.save";
            chat.click(mentorOf[i], Locale.ENGLISH, action, ActionValue.of("request", r.id()), Map.of());
            answerTimes.add(after);
            if (accept.contains(i)) {
                pairedAt.put("s" + i, T0.plus(after));
            }
        }
        // sessions two days later; check-ins three days after that: five met (usefulness 4, 5, 4, 5, 4), one did not
        clock.travelTo(T0.plus(Duration.ofHours(13)));
        List<Duration> toFirst = new ArrayList<>();
        for (int i : accept) {
            Reply booked = chat.say("s" + i, "/mentor schedule @" + mentorOf[i] + " 2026-03-04 " + (9 + i) + ":00");
            assertThat(booked.text()).contains("planned");
            toFirst.add(Duration.between(
                    pairedAt.get("s" + i),
                    LocalDateTime.parse(String.format("2026-03-04T%02d:00", 9 + i))
                            .atZone(PARIS)
                            .toInstant()));
        }
        clock.travelTo(T0.plus(Duration.ofDays(5)));
        int[] usefulness = {4, 5, 4, 5, 4};
        for (int k = 0; k < 6; k++) {
            int i = accept.get(k);
            Session s = sessionStore.sessions(id("s" + i)).get(0);
            Map<String, String> fields = k < 5
                    ? Map.of("met", "yes", "usefulness", String.valueOf(usefulness[k]), "note", "PRIVATE-NOTE-" + k)
                    : Map.of("met", "no", "note", "PRIVATE-NOTE-" + k);
            assertThat(chat.click(
                                    "s" + i,
                                    Locale.ENGLISH,
                                    "mentoring.checkin.save",
                                    ActionValue.of("session", s.id()),
                                    fields)
                            .text())
                    .doesNotContain("out of date");
        }
        // the two pending requests expire after five days
        clock.travelTo(T0.plus(Duration.ofDays(6)));
        assertThat(requests.expireDue("console")).isEqualTo(2);

        // questions: six asked, four answered (after 2, 4, 6 and 8 hours), one answer marked helpful (j0's)
        clock.travelTo(T0.plus(Duration.ofDays(6)).plus(Duration.ofHours(1)));
        for (int i = 0; i < 6; i++) {
            chat.say("s" + i, "/mentor ask seo Question number " + i + " about keywords?");
        }
        List<Duration> firstAnswers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Question q = questions.askedBy(id("s" + i)).get(0);
            Duration after = Duration.ofHours(2L * (i + 1));
            clock.travelTo(q.createdAt().plus(after));
            String expert = i == 0 ? "j0" : "j" + (i + 3);
            assertThat(chat.say(expert, "/mentor answer " + q.id() + " Look at the search console.")
                            .text())
                    .contains("on its way");
            firstAnswers.add(after);
        }
        String helpfulAnswer = questions
                .answers("console", questions.askedBy(id("s0")).get(0).id())
                .get(0)
                .id();
        chat.click("s0", Locale.ENGLISH, "qa.helpful", ActionValue.of("answer", helpfulAnswer), Map.of());
        // five tips, one found useful
        for (int i = 0; i < 5; i++) {
            chat.say("j" + i, "/mentor tip seo Tip number " + i + ": read the search suggestions first.");
        }
        clock.travelTo(T0.plus(Duration.ofDays(10)));
        Reply listed = chat.say("s1", "/mentor tips seo");
        String useful = FakeChat.value(listed, "tips.useful");
        chat.click("s1", Locale.ENGLISH, "tips.useful", useful, Map.of());

        StatsReport r = stats.compute("console", Period.MONTH, Optional.empty());
        assertThat(r.members()).isEqualTo(members - 2);
        assertThat(r.paused()).isEqualTo(2);
        assertThat(r.pairs()).isEqualTo(accept.size());
        assertThat(r.reversePairs()).isEqualTo(6);
        assertThat(r.requestsSent()).isEqualTo(12);
        assertThat(r.accepted()).isEqualTo(accept.size());
        assertThat(r.declined()).isEqualTo(decline.size());
        assertThat(r.expired()).isEqualTo(2);
        near(r.answerTime(), Duration.ofMinutes(330));
        near(r.answerTime(), Stats.median(answerTimes));
        assertThat(r.sessions()).isEqualTo(accept.size());
        assertThat(r.held()).isEqualTo(5);
        assertThat(r.missed()).isEqualTo(1);
        near(r.toFirstSession(), Stats.median(toFirst));
        assertThat(r.checkIns()).isEqualTo(6);
        assertThat(r.checkInsDue()).isEqualTo(2L * accept.size());
        assertThat(r.usefulness()).isEqualTo((4 + 5 + 4 + 5 + 4) / 5.0);
        assertThat(r.questions()).isEqualTo(6);
        assertThat(r.questionsAnswered()).isEqualTo(4);
        near(r.firstAnswer(), Duration.ofHours(5));
        assertThat(r.stillOpen()).isEqualTo(2);
        assertThat(r.tipsWritten()).isEqualTo(5);
        assertThat(r.tipsUseful()).isEqualTo(1);
        assertThat(r.demand().get(0)).isEqualTo(new StatsReport.Demand("seo", 12, 9));
        assertThat(r.demand()).contains(new StatsReport.Demand("data-analysis", 6, 0));
        assertThat(r.contributors().get(0)).isEqualTo("j0 (@j0)");
        assertThat(r.weeks()).hasSize(Stats.WEEKS_CHARTED);
        assertThat(r.weeks().stream().mapToLong(StatsReport.Week::sessions).sum())
                .isEqualTo(accept.size());

        // as a lead sees it: small figures hidden, no private note, no names but the contributors'
        Reply shown = chat.say("lena", "/stats");
        assertThat(shown.text())
                .contains(
                        "Programme statistics: last 30 days",
                        "Active members: 28",
                        "Paused members: <5",
                        "Pairs formed: 7",
                        "Reverse pairs (mentor more junior): 86 %",
                        "Sent: 12",
                        "Expired: <5",
                        "Declined: <5",
                        "Missed: <5",
                        "Held: 5",
                        "Meeting rate: 83 %",
                        "Average usefulness: 4.4 / 5",
                        "Questions asked: 6",
                        "Still without an answer: <5",
                        "Tips written: 5",
                        "Marked useful: <5",
                        "SEO: 12 / 9",
                        "Data analysis: 6 / 0",
                        "j0 (@j0)")
                .doesNotContain("PRIVATE-NOTE", "s0 (@s0)");
        // the chart: a PNG of both charts, behind an unguessable link
        Block.Image image = shown.blocks().stream()
                .filter(Block.Image.class::isInstance)
                .map(Block.Image.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(image.url()).matches("http://localhost:8080/charts/[0-9a-f]{64}\\.png");
        assertThat(image.alt()).contains("sessions per week");
        String token = image.url().replaceAll(".*/charts/([0-9a-f]+)\\.png", "$1");
        byte[] png = downloads.get(Downloads.Kind.CHART, token).orElseThrow();
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(picture.getWidth()).isEqualTo(StatsChart.WIDTH);
        assertThat(picture.getHeight()).isEqualTo(2 * StatsChart.HEIGHT);
        long colours = IntStream.range(0, 200)
                .map(i -> picture.getRGB(i * 4 % StatsChart.WIDTH, (i * 7) % picture.getHeight()))
                .distinct()
                .count();
        assertThat(colours).as("a drawing, not a blank image").isGreaterThan(1);
        assertThat(downloads.get(Downloads.Kind.CHART, "0".repeat(64))).isEmpty();
        // the export: the same figures, hidden the same way, and one line per pair without names or notes
        String ready = chat.say("lena", "/stats export").text();
        assertThat(ready).contains("Your CSV export is ready");
        String exportToken = ready.replaceAll("(?s).*/exports/([0-9a-f]{64})\\.csv.*", "$1");
        String csv =
                new String(downloads.get(Downloads.Kind.EXPORT, exportToken).orElseThrow(), StandardCharsets.UTF_8);
        List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(csv)).getRecords();
        assertThat(rows.get(0).values()).containsExactly("section", "figure", "value");
        assertThat(rows).anySatisfy(row -> assertThat(row.values()).containsExactly("requests", "sent", "12"));
        assertThat(rows).anySatisfy(row -> assertThat(row.values()).containsExactly("requests", "expired", "<5"));
        assertThat(rows).anySatisfy(row -> assertThat(row.values()).containsExactly("pairs", "reverse_share", "86 %"));
        int header = IntStream.range(0, rows.size())
                .filter(i -> rows.get(i).get(0).equals("pair"))
                .findFirst()
                .orElseThrow();
        List<CSVRecord> pairRows = rows.subList(header + 1, rows.size());
        assertThat(pairRows).hasSize(accept.size()).allSatisfy(row -> {
            assertThat(row.get(1)).isEqualTo("seo");
            assertThat(row.get(5)).isEqualTo("1");
        });
        assertThat(pairRows.stream().filter(row -> row.get(4).equals("yes")).count())
                .isEqualTo(6);
        assertThat(pairRows.stream()
                        .mapToLong(row -> Long.parseLong(row.get(6)))
                        .sum())
                .isEqualTo(5);
        assertThat(csv).doesNotContain("PRIVATE-NOTE", "console:");
        // no cell names anyone (the first column of the pair lines is a short hex id)
        assertThat(Stream.concat(
                        rows.subList(0, header).stream().flatMap(row -> row.toList().stream()),
                        pairRows.stream().flatMap(row -> row.toList().subList(1, row.size()).stream())))
                .noneMatch(cell -> cell.matches("(s|j|e)\\d+|lena|.*@.*"));
        assertThat(chat.say("s0", "/stats export").text()).startsWith("That is for programme leads");
        assertThat(chat.say("s0", "/stats").text())
                .isEqualTo("That is for programme leads. If you think you should be one, ask your progr"
                        + "amme's HR contact.");
    }

    @Autowired
    NudgeStore nudges;

    @Autowired
    NudgeDispatcher dispatcher;

    @Test
    void exportsASkillTypedAsAFormulaAsPlainText() throws IOException {
        chat.say("f0", "/mentor teach +1+1");
        chat.say("f1", "/mentor learn +1+1");
        assertThat(chat.say("f1", "/mentor request @f0 +1+1").text()).contains("I've asked f0");
        chat.click(
                "f0",
                Locale.ENGLISH,
                "mentoring.request.accept",
                ActionValue.of("request", pendingFor("f0").id()),
                Map.of());
        String ready = chat.say("lena", "/stats export").text();
        String token = ready.replaceAll("(?s).*/exports/([0-9a-f]{64})\\.csv.*", "$1");
        String csv = new String(downloads.get(Downloads.Kind.EXPORT, token).orElseThrow(), StandardCharsets.UTF_8);
        List<String> cells = CSVFormat.DEFAULT.parse(new StringReader(csv)).getRecords().stream()
                .flatMap(row -> row.toList().stream())
                .toList();
        assertThat(cells).contains("'+1+1").noneMatch(cell -> cell.startsWith("+") || cell.startsWith("="));
    }

    @Test
    void leadsNameOtherLeadsAndReadStatsByPeriodSkillAndLanguage() {
        chat.say("bob", "/mentor teach seo");
        chat.say("carla", "/mentor learn basket weaving");
        assertThat(chat.say("bob", "/mentor admin leads").text()).startsWith("That is for programme leads");
        assertThat(chat.say("bob", "/stats").text()).startsWith("That is for programme leads");

        assertThat(chat.say("lena", "/mentor admin lead add @bob").text()).isEqualTo("bob is now a programme lead.");
        assertThat(chat.say("lena", "/mentor admin lead add @bob").text()).contains("already is a programme lead");
        assertThat(chat.say("lena", "/mentor admin leads").text()).contains("lena", "bob (@bob)");
        assertThat(chat.say("bob", "/stats week").text()).contains("Programme statistics: last 7 days");
        assertThat(chat.say("bob", "/stats quarter seo").text()).contains("Programme statistics: last 3 months · SEO");
        assertThat(chat.say("bob", Locale.FRENCH, "/stats mois référencement").text())
                .contains("Statistiques du programme : 30 derniers jours · Référencement naturel");
        assertThat(chat.say("bob", "/stats all basket weaving").text()).contains("since the start · basket weaving");
        assertThat(chat.say("bob", "/stats mnth").text()).contains("I don't know \"mnth\" as a period or a skill");
        assertThat(chat.say("bob", "/stats seoo").text()).contains("Programme statistics: last 30 days · SEO");
        assertThat(chat.say("bob", "/stats marketing autmation").text()).contains("Marketing automation");

        assertThat(chat.say("bob", "/mentor admin lead remove @lena").text()).contains("tandem.leads");
        // lena stays a lead (configured), so bob may step down
        assertThat(chat.say("bob", "/mentor admin lead remove @bob").text())
                .isEqualTo("bob is no longer a programme lead.");
        assertThat(chat.say("lena", "/mentor admin lead remove @bob").text()).contains("was not named from chat");
        assertThat(chat.say("bob", "/stats").text()).startsWith("That is for programme leads");
        assertThat(chat.say("lena", "/mentor admin lead").text()).contains("Say whom");
    }

    @Test
    void listsNudgesThatWereNotDeliveredWithoutNamingAnyone() {
        chat.say("paul", "/mentor pause");
        assertThat(chat.say("lena", "/stats delivery").text()).isEqualTo("Every recent nudge was delivered.");
        MemberId paul = id("paul");
        nudges.put(new Nudge(
                "notice:1",
                paul,
                Nudge.Kind.NOTICE,
                clock.instant(),
                null,
                new Notification(paul, "nudge.notice", Reply.text("hello")),
                null));
        dispatcher.runDue();
        assertThat(chat.say("lena", "/stats delivery").text())
                .contains("Nudges not delivered", "notice", "skipped: member paused")
                .doesNotContain("paul");
        assertThat(chat.say("lena", Locale.FRENCH, "/stats envois").text()).contains("écartée : member paused");
        assertThat(chat.say("paul", "/stats delivery").text()).startsWith("That is for programme leads");
    }

    @Autowired
    ProgrammeSettings settings;

    @Autowired
    Programme programme;

    @Autowired
    Profiles profiles;

    @Test
    void leadsChangeTheProgrammesSettingsFromChatAndBadValuesAreRefusedClearly() {
        assertThat(chat.say("bob", "/mentor admin settings").text()).startsWith("That is for programme leads");
        String shown = chat.say("lena", "/mentor admin settings").text();
        assertThat(shown)
                .contains(
                        "tip-day: Monday (default)",
                        "request-expiry: 5d (default)",
                        "working-days: Mon, Tue, Wed, Thu, Fri (default)",
                        "programme-channel: #programme (default)");

        assertThat(chat.say("lena", "/mentor admin set tip-day jeudi").text())
                .isEqualTo("Done: tip-day is now Thursday.");
        assertThat(chat.say("lena", "/mentor admin set tip-time 10h").text()).contains("tip-time is now 10:00");
        assertThat(chat.say("lena", "/mentor admin set workday-start 19:00").text())
                .contains("The working day must start before it ends");
        assertThat(chat.say("lena", "/mentor admin set workday-start 8h30").text())
                .contains("is now 08:30");
        assertThat(chat.say("lena", "/mentor admin set working-days lun-jeu").text())
                .contains("working-days is now Mon, Tue, Wed, Thu");
        assertThat(chat.say("lena", "/mentor admin set reminders 2h, 15m").text())
                .contains("reminders is now 2h, 15m");
        assertThat(chat.say("lena", "/mentor admin set reminders 1m").text()).contains("out of range");
        assertThat(chat.say("lena", "/mentor admin set reminders soon").text()).contains("is not a duration");
        assertThat(chat.say("lena", "/mentor admin set request-expiry 90d").text())
                .contains("between 1h and 60d");
        assertThat(chat.say("lena", "/mentor admin set request-expiry 7d").text())
                .contains("is now 7d");
        assertThat(chat.say("lena", "/mentor admin set default-capacity 11").text())
                .contains("from 0 to 10");
        assertThat(chat.say("lena", "/mentor admin set default-capacity 3").text())
                .contains("is now 3");
        assertThat(chat.say("lena", "/mentor admin set programme-language de").text())
                .contains("en or fr");
        assertThat(chat.say("lena", "/mentor admin set programme-channel #C0123")
                        .text())
                .contains("Say here");
        assertThat(chat.say("lena", "/mentor admin set programme-channel none").text())
                .contains("is now none");
        assertThat(programme.channel("console")).isEmpty();
        assertThat(chat.say("lena", "/mentor admin set programme-channel ici").text())
                .contains("is now #programme");
        assertThat(chat.say("lena", "/mentor admin set colour blue").text()).contains("There is no setting \"colour\"");
        assertThat(chat.say("lena", "/mentor admin set tip-day").text()).contains("Which setting, and what value?");

        // in force: the settings the nudges, the requests and new members follow
        assertThat(settings.tipDay("console")).isEqualTo(DayOfWeek.THURSDAY);
        assertThat(settings.workingDays("console")).hasSize(4);
        assertThat(settings.reminders("console")).containsExactly(Duration.ofHours(2), Duration.ofMinutes(15));
        chat.say("newbie", "/mentor help");
        assertThat(profiles.find(id("newbie")).orElseThrow().capacity()).isEqualTo(3);
        chat.say("bob", "/mentor teach seo");
        chat.say("carla", "/mentor request @bob seo");
        clock.travelTo(T0.plus(Duration.ofDays(6)));
        assertThat(requests.expireDue("console")).as("7 days now, not 5").isZero();
        clock.travelTo(T0.plus(Duration.ofDays(8)));
        assertThat(requests.expireDue("console")).isEqualTo(1);

        assertThat(chat.say("lena", "/mentor admin reset tip-day").text()).isEqualTo("tip-day is back to its default.");
        assertThat(settings.tipDay("console")).isEqualTo(DayOfWeek.MONDAY);
        assertThat(chat.say("lena", Locale.FRENCH, "/mentor admin reglages").text())
                .contains("Réglages du programme", "tip-day : lundi (par défaut)".replace(" :", ":"));
    }

    @Test
    void importsARosterInvitingNewcomersAndReportingRejectedRows() {
        chat.say("alice", "/mentor set seniority senior");
        String csv = String.join(
                "\n",
                "handle,name,team,manager,seniority,teaches,learns,language,timezone",
                "noor,Noor Haddad,Marketing,lena,junior,seo;social media,negotiation,en,Europe/Paris",
                "max,Max Weber,Sales,,guru,,,,",
                "alice,,Sales,,senior,,seo,,",
                "bob,,Design,,,,,fr,Mars/Base",
                "noor,Noor Again,,,,,,,",
                "ivy,Ivy Chen,Data,,mid,data analysis,,fr,America/Toronto");
        assertThat(chat.say("bob", "/mentor admin import\n" + csv).text()).startsWith("That is for programme leads");
        Reply report = chat.say("lena", "/mentor admin import\n" + csv);
        assertThat(report.text())
                .contains(
                        "Roster imported: 2 invited, 1 updated, 3 rejected",
                        "line 3: \"guru\" is not a seniority",
                        "line 5: \"Mars/Base\" is not a timezone",
                        "line 6: this person is already in an earlier row");
        Profile noor = profiles.find(id("noor")).orElseThrow();
        assertThat(noor.name()).isEqualTo("Noor Haddad");
        assertThat(noor.team()).isEqualTo("Marketing");
        assertThat(noor.manager()).isEqualTo(id("lena"));
        assertThat(noor.teaches()).containsExactlyInAnyOrder("seo", "social-media");
        assertThat(noor.paused()).as("invited, not enrolled").isTrue();
        assertThat(profiles.find(id("ivy")).orElseThrow().zone()).isEqualTo(ZoneId.of("America/Toronto"));
        assertThat(profiles.find(id("alice")).orElseThrow().learns()).contains("seo");
        assertThat(profiles.find(id("max"))).isEmpty();

        // nobody is matched with noor until she joins
        assertThat(chat.say("alice", "/mentor find seo").text()).doesNotContain("Noor Haddad");
        String invitation = chat.waitFor("noor", 1).get(0);
        assertThat(invitation).contains("lena invites you to Tandem", "roster.join");
        String value = FakeChat.value(invitation, "roster.join");
        assertThat(chat.click("ivy", Locale.ENGLISH, "roster.join", value, Map.of())
                        .text())
                .contains("plus à jour"); // ivy reads French
        assertThat(chat.click("noor", Locale.ENGLISH, "roster.join", value, Map.of())
                        .text())
                .contains("Welcome to Tandem");
        assertThat(chat.say("alice", "/mentor find seo").text()).contains("Noor Haddad");
        // emails: a lead named by email in tandem.leads (hana@example.com), and rows that name people by email
        assertThat(chat.say("hana", "/stats").text()).startsWith("That is for programme leads");
        assertThat(chat.say(
                                "lena",
                                "/mentor admin import\nhandle,email,team\nhana,Hana@Example.com,HR\n"
                                        + "noor,noor@example.com,\nzed,not-an-email,")
                        .text())
                .contains("0 invited, 2 updated, 1 rejected", "\"not-an-email\" is not an email");
        assertThat(chat.say("hana", "/stats").text()).contains("Programme statistics");
        assertThat(chat.say("lena", "/mentor admin import\nemail,team\nnoor@example.com,Research\nghost@example.com,X")
                        .text())
                .contains("1 updated, 1 rejected", "nobody with the email ghost@example.com");
        assertThat(profiles.find(id("noor")).orElseThrow().team()).isEqualTo("Research");
        assertThat(chat.say("lena", "/mentor admin import").text()).contains("Paste the roster after the command");
        assertThat(chat.say("lena", "/mentor admin import\nname,team\nx,y").text())
                .contains("needs a handle column");
        assertThat(chat.say("lena", "/mentor admin import\nhandle,shoe size\nx,42")
                        .text())
                .contains("Unknown columns: shoe size");
    }
}
