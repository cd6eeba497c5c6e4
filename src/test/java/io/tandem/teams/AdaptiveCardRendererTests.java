package io.tandem.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;

import io.tandem.engine.Block;
import io.tandem.engine.Reply;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every reply renders to an Adaptive Card 1.5 that the official schema accepts, using only what Teams supports. */
class AdaptiveCardRendererTests {

    private static final String SCHEMA_ID = "http://adaptivecards.io/schemas/adaptive-card.json";
    private static final Set<String> TEAMS_SUPPORTED = Set.of("AdaptiveCard", "TextBlock", "FactSet", "ColumnSet",
            "Column", "Container", "ActionSet", "Action.Submit", "Action.Execute", "Input.Text", "Input.ChoiceSet",
            "Input.Date", "Input.Time", "Image");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        Path besideProject = Path.of("..", "shared", "schemas", "adaptive-cards").toAbsolutePath().normalize();
        Path dir = Files.isDirectory(besideProject) ? besideProject : Path.of("/work/shared/schemas/adaptive-cards");
        String text = Files.readString(dir.resolve("adaptive-card-1.5.json"));
        // The schema declares draft 6 but names itself with draft 4's "id" and annotates elements with "version".
        com.networknt.schema.dialect.Dialect draft6 = com.networknt.schema.dialect.Dialect
                .builder(Dialects.getDraft6())
                .keyword(new com.networknt.schema.keyword.NonValidationKeyword("id"))
                .keyword(new com.networknt.schema.keyword.NonValidationKeyword("version"))
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(draft6,
                builder -> builder.schemas(Map.of(SCHEMA_ID, text))
                        .schemaLoader(loader -> loader.fetchRemoteResources(false)));
        schema = registry.getSchema(SchemaLocation.of(SCHEMA_ID));
    }

    private static JsonNode render(Reply reply) {
        return JSON.valueToTree(AdaptiveCardRenderer.card(reply));
    }

    private static List<String> errors(JsonNode card) {
        return schema.validate(card).stream().map(Error::toString).toList();
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
        return Reply.builder().text("Mentors for SEO")
                .block(new Block.Section("Bob Carter (@bob)", "Teaches SEO", List.of(new Block.Field("Team", "R&D")),
                        List.of(new Block.Button("mentoring.request", "Request", "mentor=x", Block.ButtonStyle.PRIMARY),
                                new Block.Button("x.cancel", "Cancel", "", Block.ButtonStyle.DANGER),
                                new Block.Button("mentoring.profile", "Profile", "member=x", Block.ButtonStyle.DEFAULT))))
                .items("Skills", List.of("SEO", "Negotiation"))
                .block(new Block.Form("mentoring.profile.save", "Your profile", "Save", List.of(
                        new Block.Input("teaches", "Teaches", Block.InputType.TEXT, false, "SEO", "e.g.", null),
                        new Block.Input("bio", "Bio", Block.InputType.MULTILINE, false, "", "", null),
                        new Block.Input("level", "Level", Block.InputType.SELECT, true, "mid", "",
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
        tools.jackson.databind.node.ObjectNode broken = (tools.jackson.databind.node.ObjectNode) render(everything());
        ((tools.jackson.databind.node.ObjectNode) broken.get("body").get(0)).put("type", "Carousel");
        assertThat(errors(broken)).isNotEmpty();
    }

    @Test
    void usesOnlyElementsTeamsSupports() {
        assertThat(types(render(everything()))).isNotEmpty().allSatisfy(t -> assertThat(TEAMS_SUPPORTED).contains(t));
    }

    @Test
    void submitsTheActionItsValueAndTheInputs() {
        JsonNode card = render(everything());
        JsonNode request = card.get("body").get(1).get("items").get(3).get("actions").get(0);
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
}
