package pl.gielda.contract.money;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The money rules as data: kinds, guards and rules read from a plain text file (format in this
 * package's README). Parsing fails loudly, with the line, on anything it does not understand, so a
 * broken edit of the file cannot silently switch a rule off.
 */
public record MoneyRuleBook(
    Map<String, MoneyKind> kinds, Map<String, MoneyGuard> guards, List<MoneyRule> rules) {

  /** The rule file shipped with the application. */
  public static final String RESOURCE = "/money/rules.txt";

  private static final int FLAGS =
      Pattern.UNICODE_CHARACTER_CLASS | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
  private static final Pattern BLOCK_REF = Pattern.compile("(?<!\\\\[pP])\\{([A-Z_]+)}");
  private static final Pattern KEY_VALUE = Pattern.compile("^  ([a-z-]+):\\s?(.*)$");
  private static final List<String> PATTERN_KEYS =
      List.of("match", "match-as-typed", "pattern", "except");

  public static MoneyRuleBook loadDefault() {
    try (InputStream in = MoneyRuleBook.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static MoneyRuleBook parse(String text) {
    return new Parser().parse(text);
  }

  /** One block of the file: its header ("rule price") and its keys, continuation lines joined. */
  private record Block(int line, String type, String name, Map<String, List<String>> values) {
    String one(String key) {
      List<String> v = values.get(key);
      if (v == null || v.size() != 1) {
        throw error(line, type + " " + name + " needs exactly one '" + key + ":'");
      }
      return v.get(0);
    }

    String optional(String key) {
      List<String> v = values.get(key);
      return v == null ? null : one(key);
    }

    List<String> all(String key) {
      return values.getOrDefault(key, List.of());
    }
  }

  private static final class Parser {
    private final Map<String, String> defines = new LinkedHashMap<>();
    private final Map<String, MoneyKind> kinds = new LinkedHashMap<>();
    private final Map<String, MoneyGuard> guards = new LinkedHashMap<>();
    private final List<MoneyRule> rules = new ArrayList<>();

    MoneyRuleBook parse(String text) {
      for (Block block : blocks(text)) {
        switch (block.type()) {
          case "define" -> define(block);
          case "kind" -> kind(block);
          case "guard" -> guard(block);
          case "rule" -> rule(block);
          default -> throw error(block.line(), "unknown block '" + block.type() + "'");
        }
      }
      return new MoneyRuleBook(Map.copyOf(kinds), Map.copyOf(guards), List.copyOf(rules));
    }

    private void define(Block b) {
      String[] parts = b.name().split("\\s*=\\s*", 2);
      if (parts.length != 2 || !parts[0].matches("[A-Z_]+")) {
        throw error(b.line(), "expected 'define NAME = pattern'");
      }
      defines.put(parts[0], expand(parts[1] + String.join("", b.all("")), b.line()));
    }

    private void kind(Block b) {
      Matcher m = Pattern.compile("([A-Z_]+)\\s*=\\s*(.+?)\\s*\\|\\s*(.+)").matcher(b.name());
      if (!m.matches()) {
        throw error(b.line(), "expected 'kind NAME = Polish label | English label'");
      }
      kinds.put(m.group(1), new MoneyKind(m.group(1), m.group(2), m.group(3).strip()));
    }

    private void guard(Block b) {
      MoneyGuard.Where where = MoneyGuard.Where.parse(b.one("where"), b.line());
      String except = b.optional("except");
      guards.put(
          b.name(),
          new MoneyGuard(
              b.name(),
              b.optional("why"),
              where,
              compile(b.one("pattern"), b.line()),
              except == null ? null : compile(except, b.line())));
    }

    private void rule(Block b) {
      String typed = b.optional("match-as-typed");
      String folded = b.optional("match");
      if ((typed == null) == (folded == null)) {
        throw error(b.line(), "rule " + b.name() + " needs one of 'match:' or 'match-as-typed:'");
      }
      MoneyKind kind = kinds.get(b.one("kind"));
      if (kind == null) {
        throw error(b.line(), "rule " + b.name() + ": unknown kind " + b.one("kind"));
      }
      List<MoneyGuard> unless = new ArrayList<>();
      String names = b.optional("unless");
      if (names != null) {
        for (String name : names.split("\\s*,\\s*")) {
          MoneyGuard g = guards.get(name.strip());
          if (g == null) {
            throw error(b.line(), "rule " + b.name() + ": unknown guard " + name);
          }
          unless.add(g);
        }
      }
      if (b.all("flags").isEmpty() || b.all("passes").isEmpty()) {
        throw error(b.line(), "rule " + b.name() + " needs at least one 'flags:' and 'passes:'");
      }
      rules.add(
          new MoneyRule(
              b.name(),
              kind,
              compile(typed != null ? typed : folded, b.line()),
              typed != null,
              List.copyOf(unless),
              List.copyOf(b.all("flags")),
              List.copyOf(b.all("passes"))));
    }

    private Pattern compile(String regex, int line) {
      String expanded = expand(regex, line);
      try {
        return Pattern.compile(expanded, FLAGS);
      } catch (RuntimeException e) {
        throw error(line, "bad pattern: " + e.getMessage());
      }
    }

    private String expand(String regex, int line) {
      Matcher m = BLOCK_REF.matcher(regex);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String block = defines.get(m.group(1));
        if (block == null) {
          throw error(line, "unknown building block {" + m.group(1) + "}");
        }
        m.appendReplacement(out, Matcher.quoteReplacement(block));
      }
      m.appendTail(out);
      return out.toString();
    }
  }

  /**
   * Splits the file into blocks. A header line starts at column 0; " key: value" lines belong to
   * the block above; lines indented by four spaces continue the previous value (patterns are joined
   * without a space, prose with one). A define's continuation lines belong to its header.
   */
  private static List<Block> blocks(String text) {
    List<Block> blocks = new ArrayList<>();
    Block current = null;
    String lastKey = null;
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int number = i + 1;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("    ")) {
        if (current == null) {
          throw error(number, "continuation line outside a block");
        }
        List<String> values = current.values().computeIfAbsent(lastKey, k -> new ArrayList<>());
        String piece = line.strip();
        if (values.isEmpty() || lastKey.isEmpty()) {
          values.add(piece);
        } else {
          String joiner = PATTERN_KEYS.contains(lastKey) ? "" : " ";
          values.set(values.size() - 1, values.get(values.size() - 1) + joiner + piece);
        }
        continue;
      }
      Matcher kv = KEY_VALUE.matcher(line);
      if (kv.matches()) {
        if (current == null) {
          throw error(number, "key outside a block");
        }
        lastKey = kv.group(1);
        current.values().computeIfAbsent(lastKey, k -> new ArrayList<>()).add(kv.group(2).strip());
        continue;
      }
      if (Character.isWhitespace(line.charAt(0))) {
        throw error(number, "indent keys by two spaces and continuations by four");
      }
      String[] header = line.strip().split("\\s+", 2);
      if (header.length != 2) {
        throw error(number, "expected '<define|kind|guard|rule> <name>'");
      }
      current = new Block(number, header[0], header[1], new LinkedHashMap<>());
      lastKey = "";
      blocks.add(current);
    }
    return blocks;
  }

  private static IllegalArgumentException error(int line, String message) {
    return new IllegalArgumentException(RESOURCE + " line " + line + ": " + message);
  }
}
