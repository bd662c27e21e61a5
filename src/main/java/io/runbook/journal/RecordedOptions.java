package io.runbook.journal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options a run was started with, as its journal keeps them, so that {@code --resume}
 * continues it in the same mode and with the same choices.
 *
 * @param extraVars the {@code -e} arguments as written, except those that carry a secret
 * @param withheld  the variables of the {@code -e} arguments left out because they carry a
 *                  secret: a resume must be given them again
 */
public record RecordedOptions(boolean check, boolean diff, int forks, String limit, List<String> tags,
    List<String> skipTags, List<String> extraVars, List<String> withheld) {

  public RecordedOptions {
    tags = List.copyOf(tags);
    skipTags = List.copyOf(skipTags);
    extraVars = List.copyOf(extraVars);
    withheld = List.copyOf(withheld);
  }

  Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("check", check);
    m.put("diff", diff);
    m.put("forks", forks);
    m.put("limit", limit);
    m.put("tags", tags);
    m.put("skip_tags", skipTags);
    m.put("extra_vars", extraVars);
    m.put("withheld_extra_vars", withheld);
    return m;
  }

  static RecordedOptions fromJson(JsonNode m) {
    return new RecordedOptions(m.path("check").asBoolean(), m.path("diff").asBoolean(),
        m.path("forks").asInt(5), m.path("limit").isTextual() ? m.path("limit").asText() : null,
        strings(m.path("tags")), strings(m.path("skip_tags")), strings(m.path("extra_vars")),
        strings(m.path("withheld_extra_vars")));
  }

  private static List<String> strings(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(n -> out.add(n.asText()));
    return out;
  }
}
