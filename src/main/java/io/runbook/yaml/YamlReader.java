package io.runbook.yaml;

import io.runbook.source.Diagnostics;
import io.runbook.source.InvalidInputException;
import io.runbook.source.SourcePosition;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads untrusted YAML safely: SnakeYAML's safe constructor, no global tags, bounded aliases,
 * depth and size, and duplicate keys refused (SnakeYAML's composer accepts them, so we check).
 * Every node comes back with its position; every problem in the file is reported at once.
 */
public final class YamlReader {
  /** The lint rule that reports what this reader refuses. */
  public static final String SYNTAX = "yaml-syntax";
  static final int MAX_ALIASES = 20;
  public static final int MAX_DEPTH = 64;
  public static final int MAX_CODE_POINTS = 4 * 1024 * 1024;
  static final int MAX_NODES = 200_000;
  /** The most characters of scalars once aliases are expanded (a long scalar aliased many times). */
  static final long MAX_EXPANDED_CHARS = 16L * 1024 * 1024;
  /** Ansible's tag for text that must never be templated. */
  static final String UNSAFE = "!unsafe";

  private final String file;
  private final Diagnostics diagnostics = new Diagnostics();
  private final Map<Node, Boolean> onPath = new IdentityHashMap<>();
  private int nodes;
  private long expandedChars;

  private YamlReader(String file) {
    this.file = file;
  }

  /** Reads one file; an empty file gives a null scalar at 1:1. */
  public static YNode read(Path path) {
    String name = path.toString();
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidInputException(
          SourcePosition.none(name), "cannot read file: " + describe(e));
    }
    return parse(text, name);
  }

  /** Parses YAML text; {@code file} names it in positions. */
  public static YNode parse(String text, String file) {
    return new YamlReader(file).compose(text);
  }

  static String describe(IOException e) {
    String m = e.getMessage();
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    return m == null ? e.getClass().getSimpleName() : m;
  }

  private YNode compose(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setAllowDuplicateKeys(false);
    Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()),
        new DumperOptions(), options);
    Node root;
    try {
      root = yaml.compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
      throw new InvalidInputException(at(mark), "invalid YAML: " + oneLine(problem));
    } catch (YAMLException e) {
      throw new InvalidInputException(new SourcePosition(file, 1, 1),
          "invalid YAML: " + oneLine(e.getMessage()));
    }
    if (root == null) {
      return new YScalar(null, "", false, new SourcePosition(file, 1, 1));
    }
    YNode result = convert(root, 0);
    diagnostics.throwIfErrors();
    return result;
  }

  private YNode convert(Node node, int depth) {
    if (++nodes > MAX_NODES) {
      throw new InvalidInputException(at(node.getStartMark()),
          "invalid YAML: more than " + MAX_NODES + " nodes once aliases are expanded");
    }
    if (depth > MAX_DEPTH || onPath.containsKey(node)) {
      throw new InvalidInputException(at(node.getStartMark()),
          "invalid YAML: nesting is too deep or an alias refers to itself");
    }
    onPath.put(node, Boolean.TRUE);
    try {
      if (node instanceof ScalarNode scalar) {
        expandedChars += scalar.getValue().length();
        if (expandedChars > MAX_EXPANDED_CHARS) {
          throw new InvalidInputException(at(node.getStartMark()), "invalid YAML: more than "
              + MAX_EXPANDED_CHARS / (1024 * 1024) + " MiB of text once aliases are expanded");
        }
        return scalar(scalar);
      }
      if (node instanceof SequenceNode seq) {
        List<YNode> items = new ArrayList<>();
        for (Node item : seq.getValue()) {
          items.add(convert(item, depth + 1));
        }
        return new YList(items, at(node.getStartMark()));
      }
      return mapping((MappingNode) node, depth);
    } finally {
      onPath.remove(node);
    }
  }

  private YMap mapping(MappingNode node, int depth) {
    List<YMap.Entry> entries = new ArrayList<>();
    List<YMap.Entry> merged = new ArrayList<>();
    for (NodeTuple tuple : node.getValue()) {
      if (tuple.getKeyNode().getTag().equals(Tag.MERGE)) {
        merged.addAll(mergedEntries(tuple.getValueNode(), depth));
        continue;
      }
      if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
        diagnostics.error(SYNTAX, at(tuple.getKeyNode().getStartMark()),
            "a mapping key must be a plain value, not a list or mapping");
        continue;
      }
      YScalar key = scalar(keyNode);
      YNode value = convert(tuple.getValueNode(), depth + 1);
      for (YMap.Entry earlier : entries) {
        if (earlier.name().equals(key.text())) {
          diagnostics.error(SYNTAX, key.position(), "duplicate key '" + key.text()
              + "' (first defined at line " + earlier.key().position().line() + ")");
        }
      }
      entries.add(new YMap.Entry(key, value));
    }
    for (YMap.Entry m : merged) {
      if (entries.stream().noneMatch(e -> e.name().equals(m.name()))) {
        entries.add(m);
      }
    }
    return new YMap(entries, at(node.getStartMark()));
  }

  private List<YMap.Entry> mergedEntries(Node value, int depth) {
    YNode converted = convert(value, depth + 1);
    List<YMap.Entry> out = new ArrayList<>();
    if (converted instanceof YMap map) {
      out.addAll(map.entries());
    } else if (converted instanceof YList list) {
      for (YNode item : list.items()) {
        if (item instanceof YMap map) {
          out.addAll(map.entries());
        }
      }
    } else {
      diagnostics.error(SYNTAX, converted.position(), "a merge key '<<' needs a mapping or list of mappings");
    }
    return out;
  }

  private YScalar scalar(ScalarNode node) {
    String text = node.getValue();
    boolean plain = node.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN;
    SourcePosition at = at(node.getStartMark());
    if (node.getTag().getValue().equals(UNSAFE)) {
      return new YScalar(text, text, true, at, true);
    }
    return new YScalar(plain ? resolve(node.getTag(), text) : text, text, !plain, at);
  }

  /** YAML 1.1 implicit types, as Ansible (PyYAML) resolves them. */
  static Object resolve(Tag tag, String text) {
    if (tag.equals(Tag.NULL)) {
      return null;
    }
    if (tag.equals(Tag.BOOL)) {
      return switch (text.toLowerCase(Locale.ROOT)) {
        case "yes", "true", "on", "y" -> Boolean.TRUE;
        default -> Boolean.FALSE;
      };
    }
    if (tag.equals(Tag.INT)) {
      return integer(text);
    }
    if (tag.equals(Tag.FLOAT)) {
      return floating(text);
    }
    return text;
  }

  private static Object integer(String text) {
    String t = text.replace("_", "");
    int sign = 1;
    if (t.startsWith("-") || t.startsWith("+")) {
      sign = t.startsWith("-") ? -1 : 1;
      t = t.substring(1);
    }
    try {
      BigInteger v;
      if (t.startsWith("0x")) {
        v = new BigInteger(t.substring(2), 16);
      } else if (t.startsWith("0b")) {
        v = new BigInteger(t.substring(2), 2);
      } else if (t.length() > 1 && t.startsWith("0")) {
        v = new BigInteger(t.substring(1), 8);
      } else if (t.contains(":")) {
        v = BigInteger.ZERO;
        for (String part : t.split(":")) {
          v = v.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
        }
      } else {
        v = new BigInteger(t);
      }
      v = v.multiply(BigInteger.valueOf(sign));
      return v.bitLength() < 64 ? (Object) v.longValue() : text;
    } catch (NumberFormatException e) {
      return text;
    }
  }

  private static Object floating(String text) {
    String t = text.replace("_", "").toLowerCase(Locale.ROOT);
    if (t.endsWith(".inf")) {
      return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (t.equals(".nan")) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      return text;
    }
  }

  private SourcePosition at(Mark mark) {
    if (mark == null) {
      return new SourcePosition(file, 1, 1);
    }
    return new SourcePosition(file, mark.getLine() + 1, mark.getColumn() + 1);
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s*\\n\\s*", " ").trim();
  }
}
