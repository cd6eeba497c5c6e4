package io.tandem.modules;

import io.tandem.engine.Language;
import java.util.List;
import java.util.Objects;

/** A plan for learning one skill, in one language: a title and its steps, in order. */
public record Module(String skill, Language language, String title, List<Step> steps, boolean starter) {

    static final int FEWEST_STEPS = 3;
    static final int MOST_STEPS = 8;

    /** One step: what the pair aims for, what to talk about in the session, and where to read more. */
    public record Step(String goal, String topic, List<String> links) {
        public Step {
            Objects.requireNonNull(goal, "goal");
            Objects.requireNonNull(topic, "topic");
            links = links == null ? List.of() : List.copyOf(links);
        }
    }

    public Module {
        Objects.requireNonNull(skill, "skill");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(title, "title");
        steps = List.copyOf(steps);
        if (steps.size() < FEWEST_STEPS || steps.size() > MOST_STEPS) {
            throw new IllegalArgumentException("a module has 3 to 8 steps: " + skill + " has " + steps.size());
        }
    }

    public int size() {
        return steps.size();
    }

    /** The step after {@code done} steps (1-based number {@code done + 1}); null when the module is complete. */
    public Step next(int done) {
        return done < steps.size() ? steps.get(Math.max(0, done)) : null;
    }
}
