package io.tandem.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplyTests {

    @Test
    void alwaysCarriesAPlainTextFallbackOfEveryBlock() {
        Reply reply = Reply.builder()
                .text("Mentors for SEO")
                .block(new Block.Section(
                        "Bob (@bob)",
                        "Teaches SEO",
                        List.of(new Block.Field("Team", "Marketing")),
                        List.of(new Block.Button("mentoring.request", "Request", "x", Block.ButtonStyle.PRIMARY))))
                .items("Also", List.of("one", "two"))
                .block(new Block.Form(
                        "f.submit",
                        "Schedule",
                        "Save",
                        List.of(new Block.Input("when", "When", Block.InputType.DATE, true, null, null, null)),
                        Map.of("when", "in the past")))
                .build();
        assertThat(reply.text())
                .contains(
                        "Mentors for SEO",
                        "Bob (@bob)",
                        "Teaches SEO",
                        "Team: Marketing",
                        "[Request]",
                        "• one",
                        "• two",
                        "Schedule",
                        "When (in the past)");
        assertThat(reply.blocks()).hasSize(4);
        assertThat(reply.visibility()).isEqualTo(Visibility.ASKER);
    }

    @Test
    void refusesAnEmptySection() {
        assertThatThrownBy(() -> new Block.Section(" ", null, null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void encodesAndDecodesActionValues() {
        String value = ActionValue.of("mentor", "slack:T1:U2", "skill", "r&d=fun");
        ActionValue parsed = ActionValue.parse(value);
        assertThat(parsed.get("mentor")).contains("slack:T1:U2");
        assertThat(parsed.get("skill")).contains("r&d=fun");
        assertThat(ActionValue.parse("%zz=1&ok=2&=3&junk").get("ok")).contains("2");
        assertThat(ActionValue.parse(null).get("ok")).isEmpty();
    }

    @Test
    void readsMemberIdsOfEveryPlatform() {
        assertThat(MemberId.parse("console:alice")).contains(new MemberId("console", "alice"));
        assertThat(MemberId.parse("slack:T1:U2")).contains(new MemberId("slack:T1", "U2"));
        assertThat(MemberId.parse("teams:tenant:aad-1").map(MemberId::platform)).contains(Platform.TEAMS);
        assertThat(MemberId.parse("slack:T1")).isEmpty();
        assertThat(MemberId.parse("irc:x:y")).isEmpty();
        assertThat(MemberId.parse("console:")).isEmpty();
        assertThat(MemberId.of(Platform.SLACK, "T1", "U2").toString()).isEqualTo("slack:T1:U2");
        assertThat(MemberId.of(Platform.CONSOLE, "", "bob").toString()).isEqualTo("console:bob");
    }

    @Test
    void foldsAndMeasuresText() {
        assertThat(Text.fold(" Référencement Œuvre ")).isEqualTo("referencement oeuvre");
        assertThat(Text.distance("seoo", "seo", 2)).isEqualTo(1);
        assertThat(Text.distance("fnid", "find", 2)).isEqualTo(1);
        assertThat(Text.distance("abcdef", "zzzzzz", 2)).isEqualTo(3);
    }

    @Test
    void saysWhatItSaysBesideItsFormsWithAFallbackOfItsOwn() {
        Block.Form form = new Block.Form(
                "f.submit",
                "Schedule",
                "Save",
                List.of(new Block.Input("when", "When", Block.InputType.DATE, true, null, null, null)),
                Map.of());
        Reply joined = Reply.builder()
                .text("You joined")
                .visibility(Visibility.CONVERSATION)
                .block(form)
                .build();
        Reply beside = joined.besideForms().orElseThrow();
        assertThat(beside.blocks()).hasSize(1).noneMatch(Block.Form.class::isInstance);
        assertThat(beside.text()).isEqualTo("You joined");
        assertThat(beside.visibility()).isEqualTo(Visibility.CONVERSATION);
        assertThat(Reply.builder().block(form).build().besideForms()).isEmpty();
    }
}
