package dev.ants.harness.expect;

import java.util.List;

/** A successful expect: which pattern matched, the matched text and groups, and the text skipped before it. */
public record Match(int patternIndex, String text, List<String> groups, String before) {
    public String group(int i) {
        return groups.get(i);
    }
}
