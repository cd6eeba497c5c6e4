package io.tandem.console;

import io.tandem.engine.Action;
import io.tandem.engine.ChatEvent;
import io.tandem.engine.ConversationEngine;
import io.tandem.engine.MemberId;
import io.tandem.engine.Platform;
import io.tandem.engine.Reply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The console's JSON API: translate the request into a {@link ChatEvent}, render the {@link Reply}. Nothing else. */
@RestController
@RequestMapping("/api/console")
@Conditional(ConsoleConditions.On.class)
class ConsoleController {

    private static final String CONVERSATION = "console";

    private final ConversationEngine engine;
    private final ConsoleInbox inbox;
    private final JsonMapper json;

    ConsoleController(ConversationEngine engine, ConsoleInbox inbox, JsonMapper json) {
        this.engine = engine;
        this.inbox = inbox;
        this.json = json;
    }

    @PostMapping("/messages")
    Map<String, Object> message(@RequestBody ConsoleRequests.MessageRequest request) {
        String user = ConsoleRequests.handle(request.user());
        String text = ConsoleRequests.required(request.text(), "text", "\"/mentor find seo\"");
        ChatEvent event = ChatEvent.text(
                Platform.CONSOLE,
                "",
                user,
                null,
                ConsoleRequests.locale(request.locale()),
                ConsoleRequests.zone(request.timezone()),
                CONVERSATION,
                text,
                List.of());
        return reply(engine.handle(event));
    }

    @PostMapping("/actions")
    Map<String, Object> action(@RequestBody ConsoleRequests.ActionRequest request) {
        String user = ConsoleRequests.handle(request.user());
        String id = ConsoleRequests.required(request.action(), "action", "\"mentoring.profile\"");
        ChatEvent event = ChatEvent.action(
                Platform.CONSOLE,
                "",
                user,
                null,
                ConsoleRequests.locale(request.locale()),
                ConsoleRequests.zone(request.timezone()),
                CONVERSATION,
                new Action(id, request.value(), request.fields()));
        return reply(engine.handle(event));
    }

    @GetMapping("/inbox")
    Map<String, Object> inbox(
            @RequestParam(required = false) String user, @RequestParam(required = false) String channel) {
        // ?channel=programme reads the console's programme channel (tandem.programme-channel=console:#programme)
        String handle = channel == null ? ConsoleRequests.handle(user) : "#" + ConsoleRequests.handle(channel);
        List<Object> notifications = new ArrayList<>();
        for (String item : inbox.read(MemberId.of(Platform.CONSOLE, "", handle))) {
            try {
                notifications.add(json.readValue(item, Map.class));
            } catch (JacksonException e) {
                // an entry this version cannot read: skip it rather than fail the whole inbox
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("user", handle);
        out.put("notifications", notifications);
        return out;
    }

    private static Map<String, Object> reply(Reply reply) {
        return Map.of("reply", ConsoleRenderer.render(reply));
    }
}
