package io.tandem.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The help order names each command once, and every group has a heading in both languages. */
class HelpOrderTests {

    @Test
    void namesEachCommandOnce() {
        assertThat(HelpOrder.ids()).doesNotHaveDuplicates();
    }

    @Test
    void headsEveryGroupInEnglishAndFrench() {
        for (HelpOrder.Group group : HelpOrder.GROUPS) {
            String english = Messages.of(Language.EN).get(group.headingKey());
            String french = Messages.of(Language.FR).get(group.headingKey());
            assertThat(List.of(english, french)).doesNotContain(group.headingKey());
            assertThat(french).isNotEqualTo(english);
        }
        assertThat(HelpOrder.GROUPS)
                .extracting(HelpOrder.Group::id)
                .containsExactly("find", "pairs", "questions", "settings", "leads");
    }
}
