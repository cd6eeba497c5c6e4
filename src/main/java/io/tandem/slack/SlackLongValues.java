package io.tandem.slack;

import java.util.Optional;

/**
 * Port: values too long for Block Kit (a button value over 2,000 characters, a modal's private_metadata over
 * 3,000) kept server-side for a few days behind a short id, which is what goes to Slack.
 */
public interface SlackLongValues {

    /** Keeps {@code value} for {@code workspace}; returns its id. */
    String keep(String workspace, String value);

    /** The value kept under {@code id}, unless it expired. */
    Optional<String> get(String workspace, String id);
}
