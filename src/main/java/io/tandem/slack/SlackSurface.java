package io.tandem.slack;

/**
 * Where a Slack interaction happened, which decides how the answer goes back: a channel or DM message (answer
 * there), the Home tab or a modal (answer in a modal).
 */
enum SlackSurface {
    MESSAGE,
    HOME,
    MODAL;

    static SlackSurface of(String containerType, String viewType) {
        if ("view".equals(containerType)) {
            return "home".equals(viewType) ? HOME : MODAL;
        }
        return MESSAGE;
    }
}
