package io.tandem.engine;

import java.time.ZoneId;

/** The member behind an event, with the language and timezone Tandem should use for them. */
public record Caller(MemberId id, String name, Language language, ZoneId zone) {}
