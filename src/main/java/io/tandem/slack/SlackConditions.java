package io.tandem.slack;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Whether Slack is configured, and how. */
final class SlackConditions {

    private SlackConditions() {}

    static SlackProperties properties(ConditionContext context) {
        return Binder.get(context.getEnvironment()).bindOrCreate("tandem.slack", SlackProperties.class);
    }

    static final class On implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return properties(context).enabled();
        }
    }

    static final class Off implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !properties(context).enabled();
        }
    }

    static final class OAuth implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            SlackProperties p = properties(context);
            return p.enabled() && !p.singleWorkspace();
        }
    }

    static final class SocketMode implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            SlackProperties p = properties(context);
            return p.enabled() && p.socketMode();
        }
    }
}
