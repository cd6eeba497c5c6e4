package io.tandem.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.delivery.DeliveryQueue;
import io.tandem.engine.ActionValue;
import io.tandem.engine.MemberId;
import io.tandem.engine.Platform;
import io.tandem.engine.TravelClock;
import io.tandem.nudges.NudgeDispatcher;
import io.tandem.pairing.PairStore;
import io.tandem.pairing.RequestStore;
import io.tandem.privacy.MemberData;
import io.tandem.support.EngineTest;
import io.tandem.support.FakeChat;
import io.tandem.support.RedisContents;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A lead runs a programme from chat: starts it, members join it, and a matching round proposes a pair for every
 * learner at once. Names are words and prefixes of one another ({@code bob}, {@code bob.smith}, {@code bobby}).
 */
@EngineTest
class CampaignsTests {

    @Autowired
    CampaignStore store;

    @Autowired
    MemberData data;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    PairStore pairs;

    @Autowired
    RequestStore requests;

    @Autowired
    TravelClock clock;

    @Autowired
    NudgeDispatcher dispatcher;

    @Autowired
    io.tandem.profiles.ProfileStore profiles;

    @Autowired
    DeliveryQueue queue;

    @Test
    void aLeadStartsAProgrammeMembersJoinAndTheRoundMatchesEveryLearnerItCan(FakeChat chat) {
        assertThat(chat.say(
                                "lena",
                                "/mentor admin programme new reverse-2027 skills seo, social media until 2099-06-30")
                        .text())
                .contains("Programme reverse-2027 is ready", "SEO", "Social media", "2099-06-30");

        profile(chat, "bob", "junior", "/mentor teach seo");
        profile(chat, "bobby", "junior", "/mentor teach seo, social media");
        profile(chat, "bob.smith", "senior", "/mentor learn seo");
        profile(chat, "bobbie", "exec", "/mentor learn social media");
        profile(chat, "ana", "mid", "/mentor learn negotiation");

        assertThat(chat.say("bob", "/mentor join reverse-2027 as mentor").text())
                .contains("You joined programme reverse-2027, to mentor");
        assertThat(chat.say("bobby", "/mentor join reverse-2027 as mentor").text())
                .contains("to mentor");
        assertThat(chat.say("bob.smith", "/mentor join reverse-2027 as learner").text())
                .contains("to learn");
        assertThat(chat.say("bobbie", "/mentor join reverse-2027 as learner").text())
                .contains("to learn");
        // ana wants negotiation, which this programme is not about: she is told what to do
        assertThat(chat.say("ana", "/mentor join reverse-2027").text())
                .contains("to learn and to mentor", "/mentor learn <skill>", "/mentor teach <skill>");

        assertThat(chat.say("lena", "/mentor admin programme list").text())
                .contains("reverse-2027", "3 learning, 3 mentoring");

        String round =
                chat.say("lena", "/mentor admin programme match reverse-2027").text();
        assertThat(round)
                .contains("a proposal, nothing is sent yet")
                .contains("2 of 3 learners matched", "100% of the pairs in the reverse direction")
                .contains("bob.smith (@bob.smith) learns SEO from")
                .contains("bobbie (@bobbie) learns Social media from bobby (@bobby)")
                .contains("ana (@ana): wants to learn nothing this programme covers");
        assertThat(store.members("console", "reverse-2027")).hasSize(5);
    }

    @Test
    void theRoundNeverProposesAPairThatExistsAndSaysWhenNobodyTeachesIt(FakeChat chat) {
        chat.say("lena", "/mentor admin programme new seo-club skills seo");
        profile(chat, "bob", "junior", "/mentor teach seo");
        profile(chat, "bob.smith", "senior", "/mentor learn seo");
        chat.say("bob.smith", "/mentor request @bob seo");
        String toBob = chat.waitFor("bob", 1).get(0);
        chat.click(
                "bob",
                Locale.ENGLISH,
                "mentoring.request.accept",
                FakeChat.value(toBob, "mentoring.request.accept"),
                Map.of());
        chat.say("bob", "/mentor join seo-club as mentor");
        chat.say("bob.smith", "/mentor join seo-club as learner");

        assertThat(chat.say("lena", "/mentor admin programme match seo-club best")
                        .text())
                .contains("best matches", "0 of 1 learners matched")
                .contains("bob.smith (@bob.smith): nobody in the programme teaches what they want to learn")
                .doesNotContain("learns SEO from bob");
    }

    @Test
    void badInputIsRefusedKindlyAndNothingIsCreated(FakeChat chat) {
        assertThat(chat.say("bob", "/mentor admin programme new sneaky").text()).contains("programme leads");
        assertThat(chat.say("lena", "/mentor admin programme new Reverse_2027!").text())
                .contains("lower-case letters, digits and dashes");
        assertThat(chat.say("lena", "/mentor admin programme new late until 2020-01-01")
                        .text())
                .contains("2020-01-01 is already past");
        assertThat(chat.say("lena", "/mentor admin programme new odd until 30/06/2099")
                        .text())
                .contains("year-month-day");
        assertThat(chat.say("lena", "/mentor admin programme new odd skills seo, basket weaving")
                        .text())
                .contains("I don't know these skills: basket weaving");
        assertThat(chat.say("lena", "/mentor admin programme frobnicate").text())
                .contains("programme new <name>");
        assertThat(store.all("console")).isEmpty();

        assertThat(chat.say("bob", "/mentor join nowhere").text()).contains("There is no programme called nowhere");
        assertThat(chat.say("bob", "/mentor join").text()).contains("/mentor join <programme> as learner");
        assertThat(chat.say("bob", "/mentor leave").text()).contains("Say which programme to leave");
        chat.say("lena", "/mentor admin programme new club");
        assertThat(chat.say("lena", "/mentor admin programme new club").text())
                .contains("already a programme called club");
        assertThat(chat.say("bob", "/mentor join club as spectator").text())
                .contains("as learner, as mentor, or as both");
        assertThat(chat.say("bob", "/mentor leave club").text()).contains("You were not in programme club");
        assertThat(store.create(
                        new Campaign("console", "ended", List.of(), LocalDate.parse("2020-01-01"), Instant.EPOCH)))
                .isTrue();
        assertThat(chat.say("bob", "/mentor join ended").text()).contains("ended on 2020-01-01");
        assertThat(store.members("console", "ended")).isEmpty();
    }

    @Test
    void inFrench(FakeChat chat) {
        assertThat(chat.say(
                                "lena",
                                Locale.FRENCH,
                                "/mentor admin programme nouveau inverse competences référencement jusqu'au 2099-06-30")
                        .text())
                .contains("Le programme inverse est prêt", "jusqu'au 2099-06-30");
        assertThat(chat.say("bob", Locale.FRENCH, "/mentor rejoindre inverse comme apprenant")
                        .text())
                .contains("Vous avez rejoint le programme inverse, pour apprendre");
        assertThat(chat.say("ana", Locale.FRENCH, "/mentor rejoindre inverse les deux")
                        .text())
                .contains("pour apprendre et accompagner");
        assertThat(chat.say("ana", Locale.FRENCH, "/mentor quitter inverse").text())
                .contains("Vous avez quitté le programme inverse");
        assertThat(chat.say("lena", Locale.FRENCH, "/mentor admin programme apparier inverse")
                        .text())
                .contains("Appariement de inverse", "0 apprenants appariés sur 1");
    }

    @Test
    void twoLeadsCreatingOneNameAtOnceMakeOneProgramme(FakeChat chat) throws Exception {
        List<String> replies = atOnce(
                8, () -> chat.say("lena", "/mentor admin programme new spring").text());
        long created = replies.stream().filter(r -> r.contains("is ready")).count();
        assertThat(created).isEqualTo(1);
        assertThat(store.all("console")).hasSize(1);
    }

    @Test
    void aMembersProgrammesAreInTheirExportAndForgottenWithThem(FakeChat chat) {
        chat.say("lena", "/mentor admin programme new club");
        chat.say("bob", "/mentor join club as mentor");
        chat.say("bobby", "/mentor join club as learner");

        assertThat(data.export(new MemberId("console", "bob"))).contains("\"programmes\"", "\"club\"", "MENTOR");
        data.erase(new MemberId("console", "bob"));

        assertThat(store.members("console", "club")).containsOnlyKeys(new MemberId("console", "bobby"));
        // bob is gone from every key and value; bobby, whose name starts with his, is not
        String everything = RedisContents.text(redis);
        assertThat(everything).doesNotContainPattern("\\bbob\\b");
        assertThat(everything).contains("bobby");
    }

    @Test
    void publishingFormsTheReviewedPairsOnceThoughEightLeadsPublishAtOnce(FakeChat chat) throws Exception {
        duo(chat);
        assertThat(chat.say("lena", "/mentor admin programme publish duo").text())
                .contains("There is no round to publish for duo");
        assertThat(chat.say("lena", "/mentor admin programme match duo").text()).contains("2 of 2 learners matched");

        List<String> replies = atOnce(
                8, () -> chat.say("lena", "/mentor admin programme publish duo").text());

        assertThat(replies.stream().filter(r -> r.contains("2 of 2 pairs formed")))
                .hasSize(1);
        assertThat(replies.stream().filter(r -> r.contains("already published") || r.contains("being published")))
                .hasSize(7);
        for (String learner : List.of("bob.smith", "bobbie")) {
            assertThat(pairs.pairs(new MemberId("console", learner))).hasSize(1);
        }
        for (String user : List.of("bob", "bobby", "bob.smith", "bobbie")) {
            List<String> intros = chat.waitFor(user, 1).stream()
                    .filter(n -> n.contains("programme.pair"))
                    .toList();
            assertThat(intros).as(user).hasSize(1);
            assertThat(intros.get(0)).contains("Programme duo: you are paired with", "Schedule a session");
        }
        // a join afterwards makes the reviewed round stale: the lead matches again before publishing
        chat.say("ana", "/mentor join duo");
        assertThat(chat.say("lena", "/mentor admin programme publish duo").text())
                .contains("no round to publish");
    }

    /**
     * An instance that stopped part way through a publication: it had formed and introduced bob.smith's pair, and
     * formed bobbie's but not introduced it. While its claim lasts, another publish is told the round is under
     * way; after, it finishes the round: bobbie's pair is introduced once, nobody is paired twice, nobody gets a
     * second introduction, and the round is then published for good.
     */
    @Test
    void aPublicationThatStoppedPartWayIsFinishedByTheNextOneAndNothingIsSentTwice(FakeChat chat) {
        duo(chat);
        assertThat(chat.say("lena", "/mentor admin programme match duo").text()).contains("2 of 2 learners matched");
        CampaignStore.ProposedRound round = store.proposed("console", "duo").orElseThrow();
        Instant now = clock.instant();
        assertThat(store.claimPublication("console", "duo", round.number(), now, now.plus(PublishingRound.CLAIM)))
                .isEqualTo(CampaignStore.Publication.FIRST);
        List<String> formedBefore = new ArrayList<>();
        for (var c : round.pairs()) {
            var learner = profiles.find(c.learner()).orElseThrow();
            var mentor = profiles.find(c.mentor()).orElseThrow();
            var request = new io.tandem.pairing.MentoringRequest(
                    java.util.UUID.randomUUID().toString(),
                    learner.id(),
                    mentor.id(),
                    c.skill(),
                    null,
                    io.tandem.pairing.MentoringRequest.Status.PENDING,
                    now,
                    null,
                    null);
            var pair = io.tandem.pairing.Pair.formed(mentor, learner, c.skill(), now);
            assertThat(requests.saveAndAcceptAll(List.of(new RequestStore.Formation(
                            request,
                            request.answered(io.tandem.pairing.MentoringRequest.Status.ACCEPTED, now, null),
                            pair))))
                    .containsExactly(RequestStore.Acceptance.ACCEPTED);
            if (c.learner().user().equals("bob.smith")) {
                store.addPairs("console", "duo", List.of(pair.id())); // introduced before the stop
            }
            formedBefore.add(pair.id());
        }

        assertThat(chat.say("lena", "/mentor admin programme publish duo").text())
                .contains("being published right now");
        clock.advance(PublishingRound.CLAIM.plusSeconds(1));
        String finished =
                chat.say("lena", "/mentor admin programme publish duo").text();

        assertThat(finished).contains("stopped part way", "2 of 2 pairs formed").doesNotContain("Not formed");
        assertThat(store.pairs("console", "duo")).containsExactlyInAnyOrderElementsOf(formedBefore);
        for (String learner : List.of("bob.smith", "bobbie")) {
            assertThat(pairs.pairs(new MemberId("console", learner)))
                    .as(learner)
                    .hasSize(1);
        }
        String bobbiesMentor = round.pairs().stream()
                .filter(c -> c.learner().user().equals("bobbie"))
                .findFirst()
                .orElseThrow()
                .mentor()
                .user();
        for (String user : List.of("bobbie", bobbiesMentor)) {
            assertThat(chat.waitFor(user, 1).stream().filter(n -> n.contains("programme.pair")))
                    .as(user)
                    .hasSize(1);
        }
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(3))
                .until(() -> chat.inbox("bob.smith").stream().noneMatch(n -> n.contains("programme.pair")));
        assertThat(chat.say("lena", "/mentor admin programme publish duo").text())
                .contains("already published");
    }

    @Test
    void aMentorWhoseLastPlaceWentSinceTheReviewIsSkippedAndNamed(FakeChat chat) {
        chat.say("lena", "/mentor admin programme new solo skills seo");
        profile(chat, "bob", "junior", "/mentor teach seo");
        chat.say("bob", "/mentor set capacity 1");
        profile(chat, "bob.smith", "senior", "/mentor learn seo");
        chat.say("bob", "/mentor join solo as mentor");
        chat.say("bob.smith", "/mentor join solo as learner");
        assertThat(chat.say("lena", "/mentor admin programme match solo").text())
                .contains("1 of 1 learners matched");

        profile(chat, "bobbie", "exec", "/mentor learn seo");
        chat.say("bobbie", "/mentor request @bob seo");
        String toBob = chat.waitFor("bob", 1).get(0);
        chat.click(
                "bob",
                Locale.ENGLISH,
                "mentoring.request.accept",
                FakeChat.value(toBob, "mentoring.request.accept"),
                Map.of());

        assertThat(chat.say("lena", "/mentor admin programme publish solo").text())
                .contains(
                        "0 of 1 pairs formed",
                        "bob.smith (@bob.smith) and bob (@bob): the mentor has no place left now");
        assertThat(pairs.pairs(new MemberId("console", "bob"))).hasSize(1);
        assertThat(requests.pending(new MemberId("console", "bob.smith"))).isEmpty();
    }

    @Test
    void aLeadPinsAndForbidsPairsAndTheNextRoundHonoursBoth(FakeChat chat) {
        chat.say("lena", "/mentor admin programme new trio skills seo");
        profile(chat, "bob", "junior", "/mentor teach seo");
        profile(chat, "bobby", "mid", "/mentor teach seo");
        profile(chat, "bob.smith", "exec", "/mentor learn seo");
        chat.say("bob", "/mentor join trio as mentor");
        chat.say("bobby", "/mentor join trio as mentor");
        chat.say("bob.smith", "/mentor join trio as learner");
        // left alone, the most junior mentor scores best
        assertThat(chat.say("lena", "/mentor admin programme match trio").text())
                .contains("bob.smith (@bob.smith) learns SEO from bob (@bob)");

        assertThat(chat.say("lena", "/mentor admin programme pair trio @bob.smith @bobby")
                        .text())
                .contains("bob.smith (@bob.smith) will learn from bobby (@bobby)");
        assertThat(chat.say("lena", "/mentor admin programme match trio").text())
                .contains("(pinned) bob.smith (@bob.smith) learns SEO from bobby (@bobby)");

        chat.say("lena", "/mentor admin programme unpair trio @bob.smith @bobby");
        chat.say("lena", "/mentor admin programme unpair trio @bob.smith @bob");
        assertThat(chat.say("lena", "/mentor admin programme match trio").text())
                .contains("0 of 1 learners matched", "nobody in the programme teaches what they want to learn");

        assertThat(chat.say("lena", "/mentor admin programme pair trio @bob @bob.smith")
                        .text())
                .contains("bob (@bob) has not joined trio to learn");
        assertThat(chat.say("lena", "/mentor admin programme pair trio @bob.smith")
                        .text())
                .contains("Name the learner, then the mentor");
        assertThat(chat.say("bob", "/mentor admin programme pair trio @bob.smith @bobby")
                        .text())
                .contains("programme leads");

        // erasing bob takes the decision about him, and only it: bob.smith and bobby's stays
        data.erase(new MemberId("console", "bob"));
        assertThat(store.decisions("console", "trio"))
                .containsOnlyKeys(List.of(new MemberId("console", "bob.smith"), new MemberId("console", "bobby")));
    }

    @Test
    void theFunnelFollowsThePairsAProgrammeFormedAndMasksSmallFigures(FakeChat chat) {
        clock.reset();
        try {
            chat.say("lena", "/mentor admin programme new five skills seo");
            List<String> mentors = List.of("bob", "bobby", "bobbie", "bo", "bobo");
            List<String> learners = List.of("bob.smith", "bob.jones", "bob.lee", "bob.ray", "bob.kim");
            for (int i = 0; i < 5; i++) {
                profile(chat, mentors.get(i), "junior", "/mentor teach seo");
                chat.say(mentors.get(i), "/mentor join five as mentor");
                profile(chat, learners.get(i), "senior", "/mentor learn seo");
                chat.say(learners.get(i), "/mentor join five as learner");
            }
            assertThat(chat.say("lena", "/mentor admin programme status five").text())
                    .contains("Invited 0 → joined 10 (5 learning, 5 mentoring) → matched 0 pairs → met 0");
            chat.say("lena", "/mentor admin programme match five");
            assertThat(chat.say("lena", "/mentor admin programme publish five").text())
                    .contains("5 of 5 pairs formed");
            for (String learner : learners) {
                MemberId me = new MemberId("console", learner);
                String mentor = pairs.pairs(me).get(0).mentor().user();
                assertThat(chat.say(learner, "/mentor schedule @" + mentor + " tomorrow 10:00")
                                .text())
                        .doesNotContain("Sorry");
            }
            clock.advance(Duration.ofDays(3));

            String status =
                    chat.say("lena", "/mentor admin programme status five").text();
            assertThat(status)
                    .contains("matched 5 pairs → met 5 (a first session held) → still meeting 5")
                    .contains("the mentor more junior): 100 %")
                    .contains("Top contributors (sessions given in the programme's pairs)")
                    .contains(learners.stream()
                            .map(l -> pairs.pairs(new MemberId("console", l))
                                    .get(0)
                                    .mentor()
                                    .user())
                            .map(m -> "• " + m + " (@" + m + ")")
                            .toArray(String[]::new));
            assertThat(chat.say("lena", "/stats programme five").text())
                    .contains("matched 5 pairs → met 5", "Top contributors");

            // a programme of four shows its figures as <5
            chat.say("lena", "/mentor admin programme new four");
            for (String user : List.of("ana", "anais", "anna", "annie")) {
                chat.say(user, "/mentor join four");
            }
            assertThat(chat.say("lena", "/mentor admin programme status four").text())
                    .contains("joined <5 (<5 learning, <5 mentoring)")
                    .contains("fewer than 5 people");
        } finally {
            clock.reset();
        }
    }

    @Test
    void aLeadInvitesEachPersonOnceInTheirWorkingHoursAndTheButtonJoinsThemInTheirRole(FakeChat chat) {
        // a Saturday morning: the invitations wait for Monday
        clock.travelTo(Instant.parse("2027-03-06T10:00:00Z"));
        try {
            invitesOnceAndJoins(chat);
        } finally {
            clock.reset();
        }
    }

    private void invitesOnceAndJoins(FakeChat chat) {
        chat.say("lena", "/mentor admin programme new open");
        chat.say("bob", "/mentor set seniority junior");
        chat.say("bobby", Locale.FRENCH, "/mentor set langue fr");

        assertThat(chat.say("lena", "/mentor admin programme invite open @bob @bobby")
                        .text())
                .contains("Programme open: 2 invited now", "their working hours", "bob (@bob)", "bobby (@bobby)");
        assertThat(chat.say("lena", "/mentor admin programme invite open @bob").text())
                .contains("0 invited now", "Invited before (not again)", "bob (@bob)");
        assertThat(chat.say("lena", "/mentor admin programme invite open").text())
                .contains("Say whom to invite");
        dispatcher.runDue();
        assertThat(chat.inbox("bob")).as("not on a Saturday").isEmpty();

        clock.travelTo(Instant.parse("2027-03-08T10:00:00Z"));
        dispatcher.runDue();
        String toBob = chat.waitFor("bob", 1).get(0);
        assertThat(toBob).contains("lena invites you to programme open", "Join to mentor");
        assertThat(chat.waitFor("bobby", 1).get(0)).contains("vous invite au programme open");
        assertThat(chat.click(
                                "bob",
                                Locale.ENGLISH,
                                "programme.join",
                                ActionValue.of("programme", "open", "role", "MENTOR"),
                                Map.of())
                        .text())
                .contains("You joined programme open, to mentor");
        assertThat(store.members("console", "open")).containsEntry(new MemberId("console", "bob"), CampaignRole.MENTOR);
        assertThat(chat.click(
                                "bob",
                                Locale.ENGLISH,
                                "programme.join",
                                ActionValue.of("programme", "open", "role", "KING"),
                                Map.of())
                        .text())
                .doesNotContain("You joined");
        assertThat(chat.say("lena", "/mentor admin programme status open").text())
                .contains("Invited <5 → joined <5");
        assertThat(dispatcher.runDue()).as("never twice").isZero();
        assertThat(chat.inbox("bob").stream().filter(n -> n.contains("open"))).hasSize(1);

        data.erase(new MemberId("console", "bobby"));
        assertThat(RedisContents.text(redis)).doesNotContainPattern("\\bbobby\\b");
    }

    @Test
    void aLeadInvitesBySeniorityTeamOrEveryoneAndOnlyThoseTheRuleNames(FakeChat chat) {
        chat.say("lena", "/mentor admin programme new execs");
        chat.say("bob", "/mentor set seniority exec");
        chat.say("bob", "/mentor set team growth");
        chat.say("bobby", "/mentor set seniority executive");
        chat.say("bobby", "/mentor set team growth-labs");
        chat.say("bob.smith", "/mentor set seniority senior");
        chat.say("bob.smith", "/mentor set team growth");
        chat.say("bobbie", "/mentor set seniority exec");
        chat.say("bobbie", "/mentor pause");
        chat.say("bo", "/mentor set language en");

        String bySeniority = chat.say("lena", "/mentor admin programme invite execs seniority exec")
                .text();
        // a paused member is invited too: the invitation is the lead's, and joining opts them back in
        assertThat(bySeniority)
                .contains("Programme execs: 3 invited now", "Everyone whose seniority is executive: 3 people")
                .contains("bob (@bob)", "bobby (@bobby)", "bobbie (@bobbie)")
                .doesNotContain("bob.smith");
        // team growth is not team growth-labs
        assertThat(chat.say("lena", "/mentor admin programme invite execs team Growth")
                        .text())
                .contains("1 invited now", "Everyone in team Growth: 2 people", "bob.smith (@bob.smith)")
                .contains("Invited before (not again)");
        assertThat(chat.say("lena", "/mentor admin programme invite execs team nowhere")
                        .text())
                .contains("Everyone in team nowhere: nobody yet");
        assertThat(chat.say("lena", "/mentor admin programme invite execs seniority emperor")
                        .text())
                .contains("I don't know the seniority");
        assertThat(chat.say("lena", Locale.FRENCH, "/mentor admin programme inviter execs niveau dirigeant")
                        .text())
                .contains("0 invités maintenant", "Les personnes de niveau dirigeant : 3 personnes");
        assertThat(store.invited("console", "execs")).isEqualTo(4);

        String everyone =
                chat.say("lena", "/mentor admin programme invite execs all").text();
        assertThat(everyone).contains("1 invited now", "bo (@bo)").doesNotContain("lena (@lena)");
        assertThat(store.invited("console", "execs")).isEqualTo(5);
        assertThat(chat.say("bob", "/mentor admin programme invite execs all").text())
                .contains("programme leads");
    }

    @Test
    void executivesARosterAddedAreInvitedByTheirSeniorityAndJoiningOptsThemIn(FakeChat chat) {
        clock.travelTo(Instant.parse("2027-03-08T09:00:00Z"));
        try {
            chat.say("lena", "/mentor admin programme new welch");
            assertThat(chat.say(
                                    "lena",
                                    "/mentor admin import\nhandle,name,seniority,learns\n"
                                            + "ceo,Jack,exec,seo\nceo.office,Office,exec,seo\nanna,Anna,junior,")
                            .text())
                    .contains("3");
            assertThat(chat.say("lena", "/mentor admin programme invite welch seniority exec")
                            .text())
                    .contains("2 invited now", "Jack (@ceo)", "Office (@ceo.office)")
                    .doesNotContain("anna");
            // the newcomers have no timezone yet (UTC): a nudge to them once failed on it
            assertThat(dispatcher.runDue()).isEqualTo(2);
            String invitation = chat.waitFor("ceo", 2).stream()
                    .filter(n -> n.contains("invites you to programme welch"))
                    .findFirst()
                    .orElseThrow();
            assertThat(invitation).contains("Join to learn");
            MemberId ceo = new MemberId("console", "ceo");
            assertThat(profiles.find(ceo).orElseThrow().paused()).isTrue();

            assertThat(chat.click(
                                    "ceo",
                                    Locale.ENGLISH,
                                    "programme.join",
                                    ActionValue.of("programme", "welch", "role", "LEARNER"),
                                    Map.of())
                            .text())
                    .contains("You joined programme welch, to learn", "you are available again");
            assertThat(profiles.find(ceo).orElseThrow().paused()).isFalse();
            assertThat(store.members("console", "welch")).containsOnlyKeys(ceo);
        } finally {
            // what was queued in the travelled time goes out before the clock comes back
            await().atMost(Duration.ofSeconds(20)).until(() -> queue.depth(Platform.CONSOLE) == 0);
            clock.reset();
        }
    }

    private static List<String> atOnce(int count, Callable<String> action) throws Exception {
        return atOnce(java.util.Collections.nCopies(count, action));
    }

    /** Runs the actions at the same moment, each on its own thread; their results in order. */
    static List<String> atOnce(List<Callable<String>> actions) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(actions.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> futures = new ArrayList<>();
        for (Callable<String> action : actions) {
            futures.add(pool.submit(() -> {
                go.await();
                return action.call();
            }));
        }
        go.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> f : futures) {
            results.add(f.get());
        }
        pool.shutdown();
        return results;
    }

    /**
     * Programme {@code duo}, about SEO: two junior mentors ({@code bob}, {@code bobby}) and two learners more senior
     * ({@code bob.smith}, {@code bobbie}) joined, no round yet.
     */
    static void duo(FakeChat chat) {
        chat.say("lena", "/mentor admin programme new duo skills seo");
        profile(chat, "bob", "junior", "/mentor teach seo");
        profile(chat, "bobby", "junior", "/mentor teach seo");
        profile(chat, "bob.smith", "senior", "/mentor learn seo");
        profile(chat, "bobbie", "exec", "/mentor learn seo");
        for (String user : List.of("bob", "bobby")) {
            chat.say(user, "/mentor join duo as mentor");
        }
        for (String user : List.of("bob.smith", "bobbie")) {
            chat.say(user, "/mentor join duo as learner");
        }
    }

    static void profile(FakeChat chat, String user, String seniority, String skills) {
        chat.say(user, "/mentor set seniority " + seniority);
        chat.say(user, skills);
    }
}
