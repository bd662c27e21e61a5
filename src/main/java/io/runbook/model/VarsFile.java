package io.runbook.model;

import io.runbook.yaml.YNode;
import java.util.Map;

/**
 * An entry of {@code vars_files}.
 *
 * @param path   the path as written
 * @param loaded its variables when the path is not a template (read once, at load time);
 *               null when the path depends on variables and is read when the play starts
 */
public record VarsFile(YNode path, Map<String, YNode> loaded) {}
