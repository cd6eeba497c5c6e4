package io.tandem.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.engine.ActionValue;
import io.tandem.engine.MemberId;
import io.tandem.pairing.MentoringRequest;
import io.tandem.pairing.RequestStore;
import io.tandem.privacy.MemberData;
import io.tandem.qa.Question;
import io.tandem.qa.QuestionStore;
import io.tandem.support.EngineTest;
import io.tandem.support.FakeChat;
import io.tandem.tips.Tip;
import io.tandem.tips.TipStore;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Data written before records had owners is listed under its members once, at start-up, as if written today. */
@EngineTest
class OwnershipBackfillTests {

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    RequestStore requestStore;

    @Autowired
    QuestionStore questions;

    @Autowired
    TipStore tips;

    @Autowired
    MemberData data;

    @Autowired
    JsonMapper json;

    @Autowired
    OwnershipBackfill backfill;

    @Test
    void listsEveryStoredRecordUnderItsMembersAsTheStoresDo(FakeChat chat) {
        // names that are words and prefixes of each other, as people are called
        chat.say("bob", "/mentor teach seo");
        chat.say("bob.smith", "/mentor teach negotiation");
        chat.say("will", "/mentor set manager @bob");
        chat.say("will", "/mentor request @bob seo Could bob.smith and you help?");
        chat.say("bob.smith", "/mentor request @bob seo Please");
        MentoringRequest fromWill = requestStore.pending(new MemberId("console", "bob")).stream()
                .filter(r -> r.mentee().user().equals("will"))
                .findFirst()
                .orElseThrow();
        chat.click(
                "bob", Locale.ENGLISH, "mentoring.request.accept", ActionValue.of("request", fromWill.id()), Map.of());
        assertThat(chat.say("will", "/mentor schedule @bob in 2 days 10:00 Keywords")
                        .text())
                .contains("planned");
        chat.say("will", "/mentor ask --anon negotiation How do I say no?");
        Question asked = questions.askedBy(new MemberId("console", "will")).get(0);
        chat.say("bob.smith", "/mentor answer " + asked.id() + " Start with yes, will.");
        chat.say("bob", "/mentor tip seo Read the suggestions first.");
        Tip tip = tips.tips("console", "seo").get(0);
        chat.click("will", Locale.ENGLISH, "tips.useful", ActionValue.of("tip", tip.id(), "skill", "seo"), Map.of());

        Map<String, Set<String>> written = owns();
        assertThat(written).containsKeys(own("bob"), own("bob.smith"), own("will"));
        assertThat(written.get(own("bob"))).contains("manages:will", "tip:" + tip.id());

        // as an older version left it: no owners anywhere, the tip's JSON inside its skill's sorted set
        redis.delete(written.keySet());
        String tipKey = RedisTipStore.tipKey("console", tip.id());
        String tipJson = redis.opsForValue().get(tipKey);
        redis.delete(tipKey);
        redis.opsForZSet().remove("tandem:{console}:tips:seo", tip.id());
        redis.opsForZSet()
                .add("tandem:{console}:tips:seo", tipJson, tip.createdAt().toEpochMilli());
        redis.delete(OwnershipBackfill.DONE);
        assertThat(data.holdings(new MemberId("console", "bob")).toString()).doesNotContain(tip.id());

        backfill.run(null);

        assertThat(owns()).isEqualTo(written);
        assertThat(redis.opsForValue().get(tipKey)).isEqualTo(tipJson);
        assertThat(tips.tips("console", "seo"))
                .singleElement()
                .satisfies(t -> assertThat(t.id()).isEqualTo(tip.id()));
        assertThat(redis.opsForZSet().range("tandem:{console}:tips:seo", 0, -1)).containsExactly(tip.id());
        // and once only: a second start changes nothing, even if an owner entry went missing since
        redis.delete(own("will"));
        backfill.run(null);
        assertThat(redis.hasKey(own("will"))).isFalse();
    }

    private static String own(String user) {
        return "tandem:{console}:owns:" + user;
    }

    /** The owners index as the stores keep it, without the short-lived entries (messages on their way, downloads). */
    private Map<String, Set<String>> owns() {
        Map<String, Set<String>> out = new TreeMap<>();
        for (String key : redis.keys("tandem:{*}:owns:*")) {
            Set<String> entries = new TreeSet<>(redis.opsForSet().members(key));
            entries.removeIf(e -> e.startsWith("delivery:") || e.startsWith("nudge:") || e.startsWith("download:"));
            Object[] shortLived = redis.opsForSet().members(key).stream()
                    .filter(e -> !entries.contains(e))
                    .toArray();
            if (shortLived.length > 0) {
                redis.opsForSet().remove(key, shortLived);
            }
            if (!entries.isEmpty()) {
                out.put(key, entries);
            }
        }
        return out;
    }
}
