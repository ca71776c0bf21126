package org.prunelab.experiment;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Parses 400 damaged variants of a full sweep spec (seed 20261204): a value replaced by a hostile
 * one (NaN, infinities, huge and negative numbers, empty and nested structures, wrong types, very
 * long strings), a line deleted, duplicated or cut short, indentation broken, random characters
 * inserted. Each must either parse into a spec that passes validation or fail with an {@link
 * ExperimentSpecException} whose message is one non-empty line; any other exception fails the test.
 * Some damage makes the spec invalid for certain (a duplicated key, a keep ratio of NaN or above 1)
 * and must fail.
 */
class SpecFuzzTest {
  private static final long SEED = 20261204L;
  private static final int CASES = 400;
  private static final String SPEC =
      """
      name: fuzz
      network: lenet5
      dataset: fashion-mnist
      methods: [pfp, ft, wt]
      keep:
        spacing: geometric
        from: 0.9
        to: 0.2
        count: 4
      repetitions: 1
      mode: one-shot
      retrain:
        epochs: 1
        lr: 0.01
        batch: 128
        images: 6000
      test:
        clean: true
        corruptions: [fog, gaussian_noise]
        severities: [3]
        noise: [0.05]
        images: 2000
      features: {images: 5, threshold: 0.9, patch: 2}
      seed: 0
      """;
  private static final List<String> HOSTILE =
      List.of(
          ".nan",
          "-.inf",
          ".inf",
          "1e309",
          "-1",
          "0",
          "99999999999999999999",
          "2147483648",
          "0.5.5",
          "''",
          "[]",
          "{}",
          "[[1]]",
          "{a: {b: {c: 1}}}",
          "~",
          "true",
          "'" + "x".repeat(5000) + "'",
          "!!binary aGVsbG8=",
          "&a [1]",
          "*undefined",
          "\"\\u0000\"");

  /** Characters YAML gives a meaning to, inserted at random. */
  private static final String NOISE = "\t:{[]}-&*!|>'\"#%@`";

  /** A damaged spec, what was done, and whether it must fail. */
  private record Case(String what, String yaml, boolean mustFail) {}

  @Test
  void damagedSpecsParseOrFailWithOneLine() {
    Random random = new Random(SEED);
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      cases.add(mutate(i, random));
    }
    int failed = 0;
    for (Case c : cases) {
      try {
        ExperimentSpec spec = ExperimentSpecs.parse(c.yaml());
        if (c.mustFail()) {
          fail(c.what() + " parsed but must fail: " + spec);
        }
      } catch (ExperimentSpecException e) {
        failed++;
        String message = e.getMessage();
        assertTrue(
            message != null && !message.isBlank() && !message.contains("\n"),
            c.what() + ": not one line: " + message);
      } catch (RuntimeException | StackOverflowError e) {
        fail(c.what() + " threw " + e + "\n" + c.yaml());
      }
    }
    // the damage is meant to hurt: most variants are refused, not silently accepted
    assertTrue(failed > CASES / 2, failed + " of " + CASES + " refused");
  }

  private static Case mutate(int i, Random random) {
    List<String> lines = new ArrayList<>(SPEC.lines().toList());
    int line = random.nextInt(lines.size());
    String original = lines.get(line);
    int colon = original.indexOf(':');
    switch (random.nextInt(6)) {
      case 0, 1 -> {
        String value = HOSTILE.get(random.nextInt(HOSTILE.size()));
        if (colon < 0) {
          lines.set(line, original + " " + value);
          return new Case(i + ": append to line " + line, String.join("\n", lines), false);
        }
        lines.set(line, original.substring(0, colon + 1) + " " + value);
        boolean keepRatio =
            original.contains("from:") && (value.equals(".nan") || value.equals(".inf"));
        return new Case(
            i + ": value of line " + line + " = " + abbreviate(value),
            String.join("\n", lines),
            keepRatio);
      }
      case 2 -> {
        lines.remove(line);
        return new Case(i + ": delete line " + line, String.join("\n", lines), false);
      }
      case 3 -> {
        lines.add(line, original);
        // a top-level key given twice is refused (strict duplicate detection)
        boolean duplicateKey = colon > 0 && !original.startsWith(" ");
        return new Case(i + ": duplicate line " + line, String.join("\n", lines), duplicateKey);
      }
      case 4 -> {
        lines.set(line, original.substring(0, random.nextInt(original.length() + 1)));
        return new Case(i + ": cut line " + line, String.join("\n", lines), false);
      }
      default -> {
        StringBuilder b = new StringBuilder(original);
        for (int k = random.nextInt(3) + 1; k > 0; k--) {
          b.insert(random.nextInt(b.length() + 1), NOISE.charAt(random.nextInt(NOISE.length())));
        }
        lines.set(line, b.toString());
        return new Case(i + ": insert into line " + line, String.join("\n", lines), false);
      }
    }
  }

  private static String abbreviate(String value) {
    return value.length() > 20 ? value.substring(0, 20) + "..." : value;
  }
}
