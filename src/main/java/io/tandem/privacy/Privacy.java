package io.tandem.privacy;

import io.tandem.engine.ActionHandler;
import io.tandem.engine.ActionValue;
import io.tandem.engine.Block;
import io.tandem.engine.Command;
import io.tandem.engine.CommandSpec;
import io.tandem.engine.Downloads;
import io.tandem.engine.PublicUrl;
import io.tandem.engine.Refusal;
import io.tandem.engine.Reply;
import io.tandem.profiles.Profiles;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Members own their data: {@code /mentor export} hands them all of it as JSON (at a link only they are shown,
 * for an hour); {@code /mentor forget-me} erases it after they confirm.
 */
@Configuration(proxyBeanMethods = false)
class Privacy {

    static final String FORGET = "privacy.forget";
    static final Duration LINK_LIVES = Duration.ofHours(1);

    @Bean
    Command exportCommand(MemberData data, Downloads downloads, Profiles profiles, PublicUrl publicUrl) {
        return Command.of(CommandSpec.mentor("export", "export", "exporter", "my-data", "mes-donnees"), in -> {
            profiles.mine(in);
            byte[] json = data.export(in.caller().id()).getBytes(StandardCharsets.UTF_8);
            String token = downloads.put(
                    Downloads.Kind.MY_DATA, json, LINK_LIVES, in.caller().id());
            return Reply.text(in.t("privacy.export.ready", Downloads.Kind.MY_DATA.url(publicUrl, token)));
        });
    }

    @Bean
    Command forgetMeCommand() {
        return Command.of(
                CommandSpec.mentor("forget-me", "forget-me", "oublie-moi", "forgetme", "oubliez-moi"),
                in -> Reply.builder()
                        .text(in.t("privacy.forget.confirm"))
                        .block(new Block.Section(
                                null,
                                null,
                                List.of(),
                                List.of(new Block.Button(
                                        FORGET,
                                        in.t("button.forget"),
                                        ActionValue.of(
                                                "member", in.caller().id().toString()),
                                        Block.ButtonStyle.DANGER))))
                        .build());
    }

    @Bean
    ActionHandler forgetButton(MemberData data) {
        return ActionHandler.of(FORGET, in -> {
            // only the member themselves, from their own confirmation
            if (!ActionValue.parse(in.action().value())
                    .get("member")
                    .orElse("")
                    .equals(in.caller().id().toString())) {
                throw new Refusal("action.stale");
            }
            data.erase(in.caller().id());
            return Reply.text(in.t("privacy.forgotten"));
        });
    }
}
