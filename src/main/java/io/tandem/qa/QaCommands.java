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

/**
 * The Q&amp;A commands and buttons, wired to {@link AskingQuestion}, {@link AnsweringQuestion} and
 * {@link ListingQuestions}.
 */
@Configuration(proxyBeanMethods = false)
class QaCommands {

    /** {@code /mentor ask [--anon] <skill> <question>}; French {@code demande}, {@code --anonyme}. */
    @Bean
    Command askCommand(AskingQuestion asking, SkillCatalog catalog) {
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
            return asking.ask(in, leading.skill().id(), leading.rest(), anonymous);
        });
    }

    @Bean
    Command questionsCommand(ListingQuestions listing) {
        return Command.of(CommandSpec.mentor("questions", "questions"), listing::openForMe);
    }

    /** {@code /mentor answer <question> <text>}. */
    @Bean
    Command answerCommand(AnsweringQuestion answering, QuestionLookup lookup) {
        return Command.of(CommandSpec.mentor("answer", "answer", "repondre", "reponse"), in -> {
            if (in.args().firstWord().isEmpty() || in.args().afterFirstWord().isEmpty()) {
                throw new Refusal("qa.answer.usage");
            }
            return answering.answer(
                    in, lookup.find(in, in.args().firstWord()), in.args().afterFirstWord());
        });
    }

    @Bean
    Command myQuestionsCommand(ListingQuestions listing) {
        return Command.of(
                CommandSpec.mentor("my-questions", "my-questions", "mes-questions", "myquestions"), listing::mine);
    }

    @Bean
    ActionHandler answerButton(AnsweringQuestion answering, QuestionLookup lookup) {
        return ActionHandler.of(AnsweringQuestion.ANSWER, in -> answering.answerForm(in, lookup.fromValue(in)));
    }

    @Bean
    ActionHandler answerForm(AnsweringQuestion answering, QuestionLookup lookup) {
        return ActionHandler.of(
                AnsweringQuestion.ANSWER_SAVE,
                in -> answering.answer(in, lookup.fromValue(in), in.action().field("answer")));
    }

    @Bean
    ActionHandler passButton(AskingQuestion asking, QuestionLookup lookup) {
        return ActionHandler.of(AskingQuestion.PASS, in -> asking.pass(in, lookup.fromValue(in)));
    }

    @Bean
    ActionHandler helpfulButton(AnsweringQuestion answering, QuestionLookup lookup) {
        return ActionHandler.of(AnsweringQuestion.HELPFUL, in -> answering.helpful(in, lookup.answerFromValue(in)));
    }
}
