package io.tandem.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.engine.Block;
import io.tandem.engine.Reply;
import io.tandem.engine.Visibility;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleRendererTests {

    @Test
    @SuppressWarnings("unchecked")
    void rendersEveryBlockWithNothingLost() {
        Reply reply = Reply.builder()
                .text("Hello")
                .visibility(Visibility.CONVERSATION)
                .block(new Block.Section(
                        "Bob",
                        "Teaches SEO",
                        List.of(new Block.Field("Team", "Marketing")),
                        List.of(new Block.Button("a.b", "Go", "v=1", Block.ButtonStyle.DANGER))))
                .items("List", List.of("one"))
                .block(new Block.Form(
                        "f.save",
                        "Schedule",
                        "Save",
                        List.of(
                                new Block.Input("when", "Date", Block.InputType.DATE, true, "2026-12-03", "", null),
                                new Block.Input(
                                        "who",
                                        "Who",
                                        Block.InputType.SELECT,
                                        false,
                                        null,
                                        "Pick",
                                        List.of(new Block.Choice("bob", "Bob")))),
                        Map.of("when", "In the past")))
                .build();
        Map<String, Object> out = ConsoleRenderer.render(reply);
        assertThat(out).containsEntry("text", reply.text()).containsEntry("visibility", "conversation");
        List<Map<String, Object>> blocks = (List<Map<String, Object>>) out.get("blocks");
        assertThat(blocks).extracting(b -> b.get("type")).containsExactly("section", "section", "items", "form");
        Map<String, Object> card = blocks.get(1);
        assertThat(card).containsEntry("heading", "Bob").containsEntry("text", "Teaches SEO");
        assertThat((List<Map<String, Object>>) card.get("buttons"))
                .singleElement()
                .isEqualTo(Map.of("action", "a.b", "label", "Go", "value", "v=1", "style", "danger"));
        assertThat((List<Object>) card.get("fields")).containsExactly(Map.of("label", "Team", "value", "Marketing"));
        Map<String, Object> form = blocks.get(3);
        assertThat(form)
                .containsEntry("action", "f.save")
                .containsEntry("submit", "Save")
                .containsEntry("errors", Map.of("when", "In the past"));
        List<Map<String, Object>> inputs = (List<Map<String, Object>>) form.get("inputs");
        assertThat(inputs.get(0))
                .containsEntry("type", "date")
                .containsEntry("required", true)
                .containsEntry("initial", "2026-12-03");
        assertThat(inputs.get(1))
                .containsEntry("type", "select")
                .containsEntry("placeholder", "Pick")
                .containsEntry("choices", List.of(Map.of("value", "bob", "label", "Bob")));
    }
}
