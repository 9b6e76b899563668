package dev.ants.harness.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import dev.ants.harness.suite.SuiteLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Properties of the scenario and suite loaders: every input either parses to a scenario whose values
 * are valid (timeouts above zero, sleeps not negative, regexes that compile, names not blank) or is
 * refused as bad input (exit 2) with a one-line error and a fix; nothing else, and nothing in between.
 */
class ScenarioLoaderPropertyTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final YAMLMapper YAML = new YAMLMapper();

    /** Numbers as users type them, and as they mistype them. */
    static List<String> numbers() {
        return List.of("0", "-0", "-5", "-1", "-3", "0.0", "0.0001", "0.001", "0.5", "1", "30", "1e3", "1e400", "-1e400", ".inf",
                "-.inf", ".nan", "86400", "86400.0001", "86401", "99999999999999999999", "'30'", "'-30'", "' 30 '", "'30s'",
                "'1,5'", "true", "null", "~", "[1]", "{a: 1}", "'0x10'", "0x10", "0o7", "1_000", "'NaN'", "'Infinity'",
                "9223372036854775807", "-9223372036854775808", "1e-9", "'.5'", "'5.'");
    }

    @ParameterizedTest
    @MethodSource("numbers")
    void everyNumberIsValidOrRefused(String n) {
        for (String yaml : List.of("timeout: " + n + "\nsteps: [{expect: x}]\n", "watchdog: " + n + "\nsteps: [{expect: x}]\n",
                "steps:\n  - sleep: " + n + "\n", "steps:\n  - expect: x\n    timeout: " + n + "\n")) {
            check(yaml);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"timeout: 0", "timeout: -5", "watchdog: -1", "steps: [{sleep: -3}]", "steps: [{expect: a, timeout: 0}]"})
    void theIssuesNumbersAreRefused(String line) {
        String yaml = line.startsWith("steps") ? line + "\n" : line + "\nsteps: [{expect: x}]\n";
        AntsException e = assertThrows(AntsException.class, () -> ScenarioLoader.parse(yaml, "s.yaml", null, Map.of()));
        assertOneLineWithFix(e);
    }

    @ParameterizedTest
    @ValueSource(strings = {"name: a\nname: b\nsteps: []\n", "timeout: 5\nsteps: []\ntimeout: 6\n",
            "steps:\n  - expect: a\n    timeout: 1\n    timeout: 2\n", "vars: {a: 1, a: 2}\nsteps: []\n"})
    void aDuplicateKeyIsRefusedNotSilentlyOverwritten(String yaml) {
        AntsException e = assertThrows(AntsException.class, () -> ScenarioLoader.parse(yaml, "s.yaml", null, Map.of()));
        assertOneLineWithFix(e);
        assertTrue(e.getMessage().contains("duplicate key"), e.getMessage());
    }

    static IntStream seeds() {
        return IntStream.range(0, 400);
    }

    /** Random documents over the vocabulary, valid or nearly so, and the same text with a byte broken. */
    @ParameterizedTest
    @MethodSource("seeds")
    void randomDocumentsParseToValidScenariosOrAreRefused(int seed) throws Exception {
        Random r = new Random(seed);
        String yaml = YAML.writeValueAsString(document(r));
        check(yaml);
        char[] c = yaml.toCharArray();
        c[r.nextInt(c.length)] = "\t:-[]{}'\"#&*!|>%@`\u0000\u00e9".charAt(r.nextInt(17));
        check(new String(c));
        checkSuite(yaml.replace("steps:", r.nextBoolean() ? "boot:" : "steps:") + (r.nextBoolean() ? "cases: [{name: a, steps: [{expect: x}]}]\n" : ""));
    }

    private static void check(String yaml) {
        Scenario s;
        try {
            s = ScenarioLoader.parse(yaml, "s.yaml", null, Map.of("v", "1"));
        } catch (AntsException e) {
            assertOneLineWithFix(e);
            return;
        }
        assertValid(s, yaml);
    }

    private static void checkSuite(String yaml) {
        try {
            var suite = SuiteLoader.parse(yaml, "s.yaml", null, Map.of("v", "1"), "s");
            for (var c : suite.cases()) assertValid(suite.fromPowerOn(c), yaml);
        } catch (AntsException e) {
            assertOneLineWithFix(e);
        }
    }

    private static void assertOneLineWithFix(AntsException e) {
        assertEquals(ExitCode.BAD_INPUT, e.exitCode(), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertFalse(e.hint().isBlank(), "a fix: " + e.getMessage());
    }

    private static void assertValid(Scenario s, String yaml) {
        assertFalse(s.name().isBlank(), yaml);
        assertTrue(s.timeout().compareTo(Duration.ZERO) > 0, yaml);
        assertTrue(s.timeout().toSeconds() <= 86_400, yaml);
        assertTrue(s.watchdog() == null || s.watchdog().compareTo(Duration.ZERO) > 0, yaml);
        for (Step st : s.steps()) {
            assertTrue(st.name() == null || !st.name().isBlank(), yaml);
            if (st instanceof Step.Expect e) {
                Pattern.compile(e.regex());
                assertTrue(e.timeout() == null || e.timeout().compareTo(Duration.ZERO) > 0, yaml);
            } else if (st instanceof Step.Run run) {
                assertFalse(run.command().isBlank(), yaml);
                if (run.output() != null) Pattern.compile(run.output());
                assertTrue(run.timeout() == null || run.timeout().compareTo(Duration.ZERO) > 0, yaml);
            } else if (st instanceof Step.Sleep sl) {
                assertFalse(sl.duration().isNegative(), yaml);
            } else if (st instanceof Step.FailOn f) {
                Pattern.compile(f.regex());
            }
        }
    }

    // ---- the generator ----

    private static final List<String> TOP = List.of("name", "shell", "timeout", "watchdog", "vars", "patterns", "fail-on", "steps",
            "nmae", "include");
    private static final List<String> STEP_KEYS = List.of("expect", "send", "run", "fail-on", "reboot", "snapshot", "restore",
            "device-del", "sleep", "name", "timeout", "status", "output", "severity", "echo", "checks", "bogus");

    private static JsonNode document(Random r) {
        ObjectNode o = F.objectNode();
        for (int i = r.nextInt(6); i >= 0; i--) {
            String k = TOP.get(r.nextInt(TOP.size()));
            o.set(k, k.equals("steps") ? steps(r) : value(r, 2));
        }
        if (!o.has("steps") && r.nextBoolean()) o.set("steps", steps(r));
        return o;
    }

    private static JsonNode steps(Random r) {
        ArrayNode a = F.arrayNode();
        for (int i = r.nextInt(5); i > 0; i--) {
            if (r.nextInt(10) == 0) {
                a.add(value(r, 1));
                continue;
            }
            ObjectNode s = F.objectNode();
            for (int j = 1 + r.nextInt(3); j > 0; j--) s.set(STEP_KEYS.get(r.nextInt(STEP_KEYS.size())), value(r, 1));
            a.add(s);
        }
        return a;
    }

    private static JsonNode value(Random r, int depth) {
        return switch (r.nextInt(depth > 0 ? 12 : 10)) {
            case 0 -> F.numberNode(r.nextInt(200) - 50);
            case 1 -> F.numberNode(new BigDecimal(r.nextGaussian() * 100).setScale(r.nextInt(6), java.math.RoundingMode.HALF_UP));
            case 2 -> F.numberNode(r.nextBoolean() ? Double.NaN : Double.POSITIVE_INFINITY);
            case 3 -> F.booleanNode(r.nextBoolean());
            case 4 -> F.nullNode();
            case 5 -> F.textNode("");
            case 6 -> F.textNode(List.of("rc", "sh", "9front", "none", "fatal", "warn", "any", "fail", "booted", "x").get(r.nextInt(10)));
            case 7 -> F.textNode(List.of("((", "a[", "${v}", "${undefined}", "$${v}", "\\", "% $", "^a$", "\n", "a b").get(r.nextInt(10)));
            case 8 -> F.textNode(Integer.toString(r.nextInt(100) - 20));
            case 9 -> F.textNode(randomText(r));
            case 10 -> {
                ArrayNode a = F.arrayNode();
                for (int i = r.nextInt(3); i > 0; i--) a.add(value(r, depth - 1));
                yield a;
            }
            default -> {
                ObjectNode o = F.objectNode();
                for (int i = r.nextInt(3); i > 0; i--) o.set(STEP_KEYS.get(r.nextInt(STEP_KEYS.size())), value(r, depth - 1));
                yield o;
            }
        };
    }

    private static String randomText(Random r) {
        StringBuilder b = new StringBuilder();
        for (int i = r.nextInt(12); i > 0; i--) b.append((char) (r.nextInt(3) == 0 ? r.nextInt(0x20) : 0x20 + r.nextInt(0x5f)));
        return b.toString();
    }
}
