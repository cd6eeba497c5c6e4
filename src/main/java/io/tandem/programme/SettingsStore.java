package io.tandem.programme;

import java.util.Map;

/** Port: the programme settings a lead changed from chat, per workspace (absent: the configured default). */
public interface SettingsStore {

    Map<String, String> all(String workspace);

    void set(String workspace, String key, String value);

    void remove(String workspace, String key);
}
