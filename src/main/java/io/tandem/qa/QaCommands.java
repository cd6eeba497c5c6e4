package io.tandem.qa;

import io.tandem.engine.ActionHandler;
import io.tandem.engine.Command;
import io.tandem.engine.CommandSpec;
import io.tandem.engine.Refusal;
import io.tandem.engine.Text;
import io.tandem.skills.SkillCatalog;
import java.util.Arrays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Q&amp;A commands and buttons, wired to {@link PeerQuestions}. */
@Configuration(proxyBeanMethods = false)
class QaCommands {

    /** {@code /mentor ask [--anon] <skill> <question>}; French {@code demande}, {@code --anonyme}. */
    @Bean
    Command askCommand(PeerQuestions qa, SkillCatalog catalog) {
        return Command.of(CommandSpec.mentor("ask", "ask", "demande", "demander", "question"), in -> {
            String[] words = in.args().text().isEmpty()
                    ? new String[0]
                    : in.args().text().split(" ");
            boolean anonymous = words.length > 0 && Text.fold(words[0]).matches("--?(anon|anonymous|anonyme)");
            if (anonymous) {
                words = Arrays.copyOfRange(words, 1, words.length);
            }
            SkillCatalog.Leading leading = catalog.leading(String.join(" ", words), 3)
                    .filter(l -> !l.rest().isBlank())
                    .orElseThrow(() -> new Refusal("qa.ask.usage"));
            return qa.ask(in, leading.skill().id(), leading.rest(), anonymous);
        });
    }

    @Bean
    Command questionsCommand(PeerQuestions qa) {
        return Command.of(CommandSpec.mentor("questions", "questions"), qa::openForMe);
    }

    /** {@code /mentor answer <question> <text>}. */
    @Bean
    Command answerCommand(PeerQuestions qa) {
        return Command.of(CommandSpec.mentor("answer", "answer", "repondre", "reponse"), in -> {
            if (in.args().firstWord().isEmpty() || in.args().afterFirstWord().isEmpty()) {
                throw new Refusal("qa.answer.usage");
            }
            return qa.answer(in, qa.find(in, in.args().firstWord()), in.args().afterFirstWord());
        });
    }

    @Bean
    Command myQuestionsCommand(PeerQuestions qa) {
        return Command.of(CommandSpec.mentor("my-questions", "my-questions", "mes-questions", "myquestions"), qa::mine);
    }

    @Bean
    ActionHandler answerButton(PeerQuestions qa) {
        return ActionHandler.of(PeerQuestions.ANSWER, in -> qa.answerForm(in, qa.fromValue(in)));
    }

    @Bean
    ActionHandler answerForm(PeerQuestions qa) {
        return ActionHandler.of(
                PeerQuestions.ANSWER_SAVE,
                in -> qa.answer(in, qa.fromValue(in), in.action().field("answer")));
    }

    @Bean
    ActionHandler passButton(PeerQuestions qa) {
        return ActionHandler.of(PeerQuestions.PASS, in -> qa.pass(in, qa.fromValue(in)));
    }

    @Bean
    ActionHandler helpfulButton(PeerQuestions qa) {
        return ActionHandler.of(PeerQuestions.HELPFUL, in -> qa.helpful(in, qa.answerFromValue(in)));
    }
}
