package io.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import io.tandem.engine.Block;
import io.tandem.engine.Reply;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every reply, however large, renders to Block Kit that Slack accepts: limits checked on the JSON Slack gets. */
class BlockKitRendererTests {

    private final Gson gson = GsonFactory.createSnakeCase();

    private JsonArray json(List<LayoutBlock> blocks) {
        return gson.toJsonTree(blocks).getAsJsonArray();
    }

    private static Block.Section card(int i, int fields, int buttons, int textLength) {
        List<Block.Field> f = new ArrayList<>();
        for (int k = 0; k < fields; k++) {
            f.add(new Block.Field("Label " + k, "v".repeat(2500)));
        }
        List<Block.Button> b = new ArrayList<>();
        for (int k = 0; k < buttons; k++) {
            b.add(new Block.Button("a".repeat(300), "B".repeat(100), "x".repeat(2500), Block.ButtonStyle.PRIMARY));
        }
        return new Block.Section("Card " + i, "t".repeat(textLength), f, b);
    }

    @Test
    void keepsAHugeReplyWithinEveryMessageLimit() {
        Reply.Builder builder = Reply.builder().text("intro");
        for (int i = 0; i < 40; i++) {
            builder.block(card(i, 13, 30, 7000));
        }
        builder.items("Many", Collections.nCopies(500, "an item with some text"));
        JsonArray blocks = json(BlockKitRenderer.message(builder.build(), null));
        assertThat(blocks.size()).isLessThanOrEqualTo(50);
        for (JsonElement e : blocks) {
            JsonObject block = e.getAsJsonObject();
            if (block.has("text")) {
                assertThat(block.getAsJsonObject("text")
                                .get("text")
                                .getAsString()
                                .length())
                        .isLessThanOrEqualTo(3000);
            }
            if (block.has("fields")) {
                JsonArray fields = block.getAsJsonArray("fields");
                assertThat(fields.size()).isLessThanOrEqualTo(10);
                fields.forEach(f -> assertThat(
                                f.getAsJsonObject().get("text").getAsString().length())
                        .isLessThanOrEqualTo(2000));
            }
            if (block.get("type").getAsString().equals("actions")) {
                JsonArray elements = block.getAsJsonArray("elements");
                assertThat(elements.size()).isLessThanOrEqualTo(25);
                elements.forEach(x -> {
                    JsonObject button = x.getAsJsonObject();
                    assertThat(button.getAsJsonObject("text")
                                    .get("text")
                                    .getAsString()
                                    .length())
                            .isLessThanOrEqualTo(75);
                    assertThat(button.get("action_id").getAsString().length()).isLessThanOrEqualTo(255);
                    assertThat(button.get("value").getAsString().length()).isLessThanOrEqualTo(2000);
                });
            }
        }
        assertThat(blocks.get(blocks.size() - 1)
                        .getAsJsonObject()
                        .getAsJsonObject("text")
                        .get("text")
                        .getAsString())
                .isEqualTo("…");
    }

    @Test
    void allowsAHundredBlocksOnAHomeTab() {
        Reply.Builder builder = Reply.builder();
        for (int i = 0; i < 80; i++) {
            builder.block(card(i, 1, 1, 10));
        }
        View home = BlockKitRenderer.home(builder.build());
        assertThat(home.getType()).isEqualTo("home");
        assertThat(home.getBlocks()).hasSize(100);
    }

    @Test
    void rendersACardAsBoldHeadingTextFieldsAndButtons() {
        Reply reply = Reply.builder()
                .block(new Block.Section(
                        "Bob <script> & co",
                        "Teaches SEO",
                        List.of(new Block.Field("Team", "R&D")),
                        List.of(
                                new Block.Button("mentoring.request", "Request", "mentor=x", Block.ButtonStyle.PRIMARY),
                                new Block.Button(
                                        "mentoring.profile", "Profile", "member=x", Block.ButtonStyle.DEFAULT))))
                .build();
        JsonArray blocks = json(BlockKitRenderer.message(reply, null));
        assertThat(blocks).hasSize(2);
        JsonObject section = blocks.get(0).getAsJsonObject();
        assertThat(section.getAsJsonObject("text").get("type").getAsString()).isEqualTo("mrkdwn");
        assertThat(section.getAsJsonObject("text").get("text").getAsString())
                .isEqualTo("*Bob &lt;script&gt; &amp; co*\nTeaches SEO");
        assertThat(section.getAsJsonArray("fields")
                        .get(0)
                        .getAsJsonObject()
                        .get("text")
                        .getAsString())
                .isEqualTo("*Team*\nR&amp;D");
        JsonArray buttons = blocks.get(1).getAsJsonObject().getAsJsonArray("elements");
        assertThat(buttons.get(0).getAsJsonObject().get("style").getAsString()).isEqualTo("primary");
        assertThat(buttons.get(0).getAsJsonObject().get("action_id").getAsString())
                .isEqualTo("mentoring.request");
        assertThat(buttons.get(1).getAsJsonObject().has("style")).isFalse();
        assertThat(BlockKitRenderer.fallback(reply)).contains("Bob <script> & co", "[Request]");
    }

    @Test
    void turnsAFormIntoAModalWithEveryKindOfInput() {
        Block.Form form = new Block.Form(
                "mentoring.profile.save",
                "A very long title for a Slack modal",
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
                        new Block.Input("at", "At", Block.InputType.TIME, true, "09:30", "", null)),
                Map.of("teaches", "Too many skills"));
        View modal = BlockKitRenderer.modal(
                new Block.Form(
                        form.actionId(), form.title(), form.submitLabel(), form.inputs(), form.errors(), "request=42"),
                "Cancel");
        JsonObject view = gson.toJsonTree(modal).getAsJsonObject();
        assertThat(view.get("type").getAsString()).isEqualTo("modal");
        assertThat(view.get("callback_id").getAsString()).isEqualTo("mentoring.profile.save");
        assertThat(view.get("private_metadata").getAsString()).isEqualTo("request=42");
        assertThat(view.getAsJsonObject("title").get("text").getAsString())
                .hasSizeLessThanOrEqualTo(24)
                .endsWith("…");
        JsonArray blocks = view.getAsJsonArray("blocks");
        assertThat(blocks).hasSize(5);
        List<String> types = new ArrayList<>();
        blocks.forEach(b -> types.add(
                b.getAsJsonObject().getAsJsonObject("element").get("type").getAsString()));
        assertThat(types)
                .containsExactly("plain_text_input", "plain_text_input", "static_select", "datepicker", "timepicker");
        JsonObject select = blocks.get(2).getAsJsonObject();
        assertThat(select.get("block_id").getAsString()).isEqualTo("level");
        assertThat(select.get("optional").getAsBoolean()).isFalse();
        assertThat(select.getAsJsonObject("element")
                        .getAsJsonObject("initial_option")
                        .get("value")
                        .getAsString())
                .isEqualTo("mid");
        assertThat(blocks.get(0).getAsJsonObject().get("optional").getAsBoolean())
                .isTrue();
        assertThat(BlockKitRenderer.errors(form)).containsExactly(Map.entry("teaches", "Too many skills"));
    }

    @Test
    void offersAButtonToOpenAFormFromAMessage() {
        Reply reply = Reply.builder()
                .block(new Block.Form("f.save", "Schedule", "Save", List.of(), Map.of()))
                .build();
        JsonArray withLine = json(BlockKitRenderer.message(reply, "/mentor schedule"));
        JsonObject button = withLine.get(1)
                .getAsJsonObject()
                .getAsJsonArray("elements")
                .get(0)
                .getAsJsonObject();
        assertThat(button.get("action_id").getAsString()).isEqualTo(BlockKitRenderer.OPEN_FORM);
        assertThat(button.get("value").getAsString()).isEqualTo("/mentor schedule");
        assertThat(json(BlockKitRenderer.message(reply, null)).toString()).doesNotContain(BlockKitRenderer.OPEN_FORM);
    }

    @Test
    void splitsLongTextAtLineBreaks() {
        String text = ("line of text\n").repeat(400);
        List<String> chunks = BlockKitRenderer.split(text, 3000);
        assertThat(chunks)
                .hasSizeGreaterThan(1)
                .allSatisfy(c -> assertThat(c.length()).isLessThanOrEqualTo(3000));
        assertThat(String.join("\n", chunks).replace("\n", "")).isEqualTo(text.replace("\n", ""));
        assertThat(BlockKitRenderer.split("x".repeat(7000), 3000))
                .extracting(String::length)
                .containsExactly(3000, 3000, 1000);
    }

    @Test
    void showsAChartAsAnImageBlockWithItsAltText() {
        Reply reply = Reply.builder()
                .text("Programme statistics")
                .block(new Block.Image("https://tandem.example.com/charts/abc.png", "Sessions per week"))
                .build();
        JsonObject image = json(BlockKitRenderer.message(reply, null)).asList().stream()
                .map(JsonElement::getAsJsonObject)
                .filter(b -> b.get("type").getAsString().equals("image"))
                .findFirst()
                .orElseThrow();
        assertThat(image.get("image_url").getAsString()).isEqualTo("https://tandem.example.com/charts/abc.png");
        assertThat(image.get("alt_text").getAsString()).isEqualTo("Sessions per week");
    }
}
