package io.tandem.engine;

import java.util.Map;

/** A button click or a form submission: the action id, the button's value and any form fields. */
public record Action(String id, String value, Map<String, String> fields) {

    public Action {
        value = value == null ? "" : value;
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    public String field(String name) {
        String v = fields.get(name);
        return v == null ? "" : v.trim();
    }
}
