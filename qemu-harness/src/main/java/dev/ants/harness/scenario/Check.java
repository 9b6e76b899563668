package dev.ants.harness.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One check reported by a guest command's output, one line each: {@code ok NAME} (or {@code PASS NAME}),
 * {@code FAIL NAME: why}, {@code skip NAME: why}. A {@code run} step with {@code checks: true} turns every
 * such line into its own test case.
 *
 * @param context the output lines since the previous check, up to this one (the failure's evidence)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Check(String name, Status status, String message, List<String> context) {
    public enum Status {
        PASSED, FAILED, SKIPPED;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Pattern LINE = Pattern.compile("^(ok|PASS|FAIL|skip|SKIP)\\s+([^\\s:]+):?\\s*(.*)$");
    private static final int CONTEXT = 20;

    /** Every check line of {@code output}, in order; other lines become context. */
    public static List<Check> parse(String output) {
        List<Check> out = new ArrayList<>();
        List<String> since = new ArrayList<>();
        for (String raw : output.split("\n")) {
            String line = raw.strip();
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                if (!line.isEmpty()) since.add(line);
                if (since.size() > CONTEXT) since.remove(0);
                continue;
            }
            Status s = switch (m.group(1)) {
                case "ok", "PASS" -> Status.PASSED;
                case "FAIL" -> Status.FAILED;
                default -> Status.SKIPPED;
            };
            since.add(line);
            String why = m.group(3).isBlank() ? null : m.group(3);
            out.add(new Check(m.group(2), s, why, s == Status.FAILED ? List.copyOf(since) : List.of()));
            since.clear();
        }
        return out;
    }
}
