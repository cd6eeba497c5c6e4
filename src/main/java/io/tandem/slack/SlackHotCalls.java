package io.tandem.slack;

import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.RequestFormBuilder;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.conversations.ConversationsOpenRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.model.Conversation;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.util.List;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calls Tandem makes most. The two Web API calls every DM costs ({@code conversations.open} and
 * {@code chat.postMessage}) go through the SDK's own HTTP layer (its client, endpoint and token handling) but have
 * their answer read by Jackson, for the few fields Tandem uses: the SDK builds a new Gson, with a fresh set of
 * reflective type adapters, for every answer it parses, and in the fan-out benchmark that was most of the CPU a
 * send cost. Requests are encoded by the SDK as before. An answer that is not a success (a 429, a 5xx) is thrown as
 * the SDK would throw it, as a {@link SlackApiException}. And a command's late answer through its
 * {@code response_url} is encoded by one shared Gson (the SDK's snake-case one: Gson is thread-safe), where the SDK
 * builds a new one each time.
 */
final class SlackHotCalls {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Gson SNAKE_CASE = GsonFactory.createSnakeCase();
    private static final MediaType JSON_BODY = MediaType.get("application/json; charset=utf-8");

    private SlackHotCalls() {}

    static ConversationsOpenResponse open(MethodsClient client, String token, String user)
            throws IOException, SlackApiException {
        JsonNode answer = post(
                client,
                token,
                "conversations.open",
                RequestFormBuilder.toForm(
                        ConversationsOpenRequest.builder().users(List.of(user)).build()));
        ConversationsOpenResponse opened = read(answer, new ConversationsOpenResponse());
        JsonNode id = answer.path("channel").path("id");
        if (id.isString()) {
            opened.setChannel(Conversation.builder().id(id.asString()).build());
        } else if (opened.isOk()) {
            opened.setOk(false);
            opened.setError("no_channel_in_answer");
        }
        return opened;
    }

    static ChatPostMessageResponse post(MethodsClient client, String token, ChatPostMessageRequest request)
            throws IOException, SlackApiException {
        JsonNode answer = post(client, token, "chat.postMessage", RequestFormBuilder.toForm(request));
        ChatPostMessageResponse posted = read(answer, new ChatPostMessageResponse());
        posted.setChannel(text(answer, "channel"));
        posted.setTs(text(answer, "ts"));
        return posted;
    }

    /** Posts a command's late answer to its {@code response_url}, with the SDK's HTTP client (its settings). */
    static void respond(Slack slack, String responseUrl, SlashCommandResponse answer) throws IOException {
        Request request = new Request.Builder()
                .url(responseUrl)
                .post(RequestBody.create(SNAKE_CASE.toJson(answer), JSON_BODY))
                .build();
        try (Response response =
                slack.getHttpClient().getOkHttpClient().newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("response_url answered HTTP " + response.code());
            }
        }
    }

    private static JsonNode post(MethodsClient client, String token, String method, FormBody.Builder form)
            throws IOException, SlackApiException {
        try (Response response = client.runPostFormWithToken(form, method, token)) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            if (!response.isSuccessful()) {
                throw new SlackApiException(response, text);
            }
            try {
                JsonNode answer = JSON.readTree(text);
                if (answer == null || !answer.isObject()) {
                    throw new IOException("Slack answered " + method + " with something that is not a JSON object");
                }
                return answer;
            } catch (JacksonException e) {
                throw new IOException("Slack answered " + method + " with unreadable JSON", e);
            }
        }
    }

    private static <T extends SlackApiTextResponse> T read(JsonNode answer, T response) {
        response.setOk(answer.path("ok").asBoolean(false));
        response.setError(text(answer, "error"));
        response.setWarning(text(answer, "warning"));
        response.setNeeded(text(answer, "needed"));
        response.setProvided(text(answer, "provided"));
        return response;
    }

    private static String text(JsonNode answer, String field) {
        JsonNode value = answer.get(field);
        return value == null || !value.isString() ? null : value.asString();
    }
}
