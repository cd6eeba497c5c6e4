package io.tandem.teams;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.engine.Block;
import io.tandem.engine.Reply;
import io.tandem.support.AdaptiveCardRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Every reply renders to an Adaptive Card 1.5 that the official schema accepts, using only what Teams supports. */
class AdaptiveCardRendererTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode render(Reply reply) {
        return JSON.valueToTree(AdaptiveCardRenderer.card(reply));
    }

    private static List<String> errors(JsonNode card) {
        return AdaptiveCardRules.card(card);
    }

    private static List<String> types(JsonNode node) {
        List<String> types = new ArrayList<>();
        if (node.isObject()) {
            if (node.has("type")) {
                types.add(node.get("type").asString());
            }
            node.values().forEach(child -> types.addAll(types(child)));
        } else if (node.isArray()) {
            node.forEach(child -> types.addAll(types(child)));
        }
        return types;
    }

    static Reply everything() {
        return Reply.builder()
                .text("Mentors for SEO")
                .block(new Block.Section(
                        "Bob Carter (@bob)",
                        "Teaches SEO",
                        List.of(new Block.Field("Team", "R&D")),
                        List.of(
                                new Block.Button("mentoring.request", "Request", "mentor=x", Block.ButtonStyle.PRIMARY),
                                new Block.Button("x.cancel", "Cancel", "", Block.ButtonStyle.DANGER),
                                new Block.Button(
                                        "mentoring.profile", "Profile", "member=x", Block.ButtonStyle.DEFAULT))))
                .items("Skills", List.of("SEO", "Negotiation"))
                .block(new Block.Form(
                        "mentoring.profile.save",
                        "Your profile",
                        "Save",
                        List.of(
                                new Block.Input("teaches", "Teaches", Block.InputType.TEXT, false, "SEO", "e.g.", null),
                                new Block.Input("bio", "Bio", Block.InputType.MULTILINE, false, "", "", null),
                                new Block.Input(
                                        "level",
                                        "Level",
                                        Block.InputType.SELECT,
                                        true,
                                        "mid",
                                        "",
                                        List.of(new Block.Choice("junior", "junior"), new Block.Choice("mid", "mid"))),
                                new Block.Input("day", "Day", Block.InputType.DATE, true, "2026-12-03", "", null),
                                new Block.Input("at", "At", Block.InputType.TIME, false, "09:30", "", null)),
                        Map.of("teaches", "Too many skills")))
                .block(new Block.Image("https://tandem.example.com/charts/abc.png", "Sessions per week"))
                .build();
    }

    @Test
    void rendersCardsTheOfficialSchemaAccepts() {
        JsonNode card = render(everything());
        assertThat(errors(card)).isEmpty();
        assertThat(card.get("version").asString()).isEqualTo("1.5");
        assertThat(card.get("fallbackText").asString()).contains("Mentors for SEO", "Bob Carter");
        assertThat(errors(render(Reply.text("Just text")))).isEmpty();
    }

    @Test
    void detectsACardTheSchemaRefuses() {
        ObjectNode broken = (ObjectNode) render(everything());
        ((ObjectNode) broken.get("body").get(0)).put("type", "Carousel");
        assertThat(errors(broken)).isNotEmpty();
    }

    @Test
    void usesOnlyElementsTeamsSupports() {
        assertThat(types(render(everything())))
                .isNotEmpty()
                .allSatisfy(t -> assertThat(AdaptiveCardRules.TEAMS_SUPPORTED).contains(t));
    }

    @Test
    void submitsTheActionItsValueAndTheInputs() {
        JsonNode card = render(everything());
        JsonNode request =
                card.get("body").get(1).get("items").get(3).get("actions").get(0);
        assertThat(request.get("type").asString()).isEqualTo("Action.Submit");
        assertThat(request.get("style").asString()).isEqualTo("positive");
        assertThat(request.get("data").get("tandemAction").asString()).isEqualTo("mentoring.request");
        assertThat(request.get("data").get("tandemValue").asString()).isEqualTo("mentor=x");
        JsonNode form = card.get("body").get(3).get("items");
        assertThat(form.get(1).get("id").asString()).isEqualTo("teaches");
        assertThat(form.get(1).get("errorMessage").asString()).isEqualTo("Too many skills");
        assertThat(form.get(2).get("color").asString()).isEqualTo("Attention");
        JsonNode save = form.get(form.size() - 1).get("actions").get(0);
        assertThat(save.get("data").get("tandemAction").asString()).isEqualTo("mentoring.profile.save");
    }

    @Test
    void keepsAHugeReplyWithinTeamsMessageSizeAndSaysTheRestWasLeftOut() {
        Reply.Builder huge = Reply.builder().text("Mentors for SEO");
        for (int i = 0; i < 400; i++) {
            huge.block(new Block.Section(
                    "Mentor " + i,
                    "Teaches SEO. " + "x".repeat(400),
                    List.of(),
                    List.of(new Block.Button(
                            "mentoring.request", "Request", "mentor=" + i, Block.ButtonStyle.PRIMARY))));
        }
        JsonNode card = render(huge.build());
        String activity = "{\"type\":\"message\",\"attachments\":[{\"contentType\":\"" + AdaptiveCardRules.CARD_TYPE
                + "\",\"content\":" + card + "}]}";

        assertThat(AdaptiveCardRules.activity(activity))
                .as("what Teams would refuse")
                .isEmpty();
        assertThat(AdaptiveCardRules.utf16Bytes(activity)).isLessThanOrEqualTo(80 * 1024);
        assertThat(card.get("body").get(1).toString()).contains("Mentor 0");
        assertThat(card.get("body").get(card.get("body").size() - 1).get("text").asString())
                .isEqualTo("…");
        assertThat(render(everything()).get("body").size())
                .as("a card within size is untouched")
                .isEqualTo(everything().blocks().size());

        JsonNode oneHugeText = render(Reply.text("a long line of text ".repeat(10_000)));
        assertThat(AdaptiveCardRules.card(oneHugeText)).isEmpty();
        assertThat(oneHugeText.toString().length()).isLessThan(AdaptiveCardRenderer.BUDGET_CHARS);
        assertThat(oneHugeText.get("body").get(0).get("text").asString()).startsWith("a long line of text");
    }
}
