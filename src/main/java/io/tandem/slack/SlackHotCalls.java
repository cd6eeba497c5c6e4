package io.tandem.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.RequestFormBuilder;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.conversations.ConversationsOpenRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.model.Conversation;
import java.io.IOException;
import java.util.List;
import okhttp3.FormBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two Web API calls every DM costs ({@code conversations.open} and {@code chat.postMessage}), sent through the
 * SDK's own HTTP layer (its client, endpoint and token handling) but with the answer read by Jackson, for the few
 * fields Tandem uses. The SDK builds a new Gson, with a fresh set of reflective type adapters, for every answer it
 * parses: in the fan-out benchmark that was most of the CPU a send cost. Requests are encoded by the SDK as before.
 * An answer that is not a success (a 429, a 5xx) is thrown as the SDK would throw it, as a
 * {@link SlackApiException}.
 */
final class SlackHotCalls {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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
