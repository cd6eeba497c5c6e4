package io.tandem.qa;

import io.tandem.moderation.Moderated;
import io.tandem.profiles.Profile;
import io.tandem.profiles.Profiles;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Questions and answers can be reported and hidden; an anonymous asker is never named to a lead either. */
@Configuration(proxyBeanMethods = false)
class QuestionModeration {

    static final String QUESTION = "question";
    static final String ANSWER = "answer";

    @Bean
    Moderated moderatedQuestions(QuestionStore questions, Profiles profiles) {
        return new Moderated() {
            @Override
            public String kind() {
                return QUESTION;
            }

            @Override
            public Optional<Item> find(String workspace, String id) {
                return questions
                        .question(workspace, id)
                        .map(q -> new Item(
                                QUESTION,
                                q.id(),
                                q.text(),
                                q.anonymous()
                                        ? null
                                        : profiles.find(q.asker())
                                                .map(Profile::name)
                                                .orElse("?"),
                                q.skill(),
                                q.hidden(),
                                q.asker()));
            }

            @Override
            public void hide(String workspace, String id) {
                questions.question(workspace, id).ifPresent(q -> questions.save(q.hiddenByLead()));
            }
        };
    }

    @Bean
    Moderated moderatedAnswers(QuestionStore questions, Profiles profiles) {
        return new Moderated() {
            @Override
            public String kind() {
                return ANSWER;
            }

            @Override
            public Optional<Item> find(String workspace, String id) {
                return questions
                        .answer(workspace, id)
                        .map(a -> new Item(
                                ANSWER,
                                a.id(),
                                a.text(),
                                profiles.find(a.author()).map(Profile::name).orElse("?"),
                                questions
                                        .question(workspace, a.questionId())
                                        .map(Question::skill)
                                        .orElse("?"),
                                a.hidden(),
                                a.author()));
            }

            @Override
            public void hide(String workspace, String id) {
                questions.answer(workspace, id).ifPresent(a -> questions.save(a.hiddenByLead()));
            }
        };
    }
}
