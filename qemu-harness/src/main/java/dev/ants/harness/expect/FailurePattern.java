package dev.ants.harness.expect;

import dev.ants.core.AntsException;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** A regex watched on the console during every wait, with what to do when it appears. */
public record FailurePattern(String name, Pattern pattern, Severity severity) {

    public static FailurePattern of(String name, String regex, Severity severity) {
        try {
            return new FailurePattern(name, Pattern.compile(regex), severity);
        } catch (PatternSyntaxException e) {
            throw AntsException.badInput("failure pattern '" + Printable.of(regex) + "' is not a valid regex: " + e.getDescription(),
                    "fix the regular expression");
        }
    }

    public static Severity severity(String s) {
        if (s == null) return Severity.FATAL;
        try {
            return Severity.valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw AntsException.badInput("unknown severity '" + Printable.of(s) + "'", "use fatal, error or warn");
        }
    }

    /** 9front's kernel and user-trap signatures (devcons.c panic/exiting, trap.c suicide, dumpstack). */
    public static List<FailurePattern> nineFront() {
        return List.of(
                // not a file named panic: "mkext: can't make file /sys/man/9/panic: ..." is no kernel panic
                of("9front kernel panic", "(?<![\\w/.-])panic: ", Severity.FATAL),
                of("9front cpu exiting", "cpu\\d+: exiting", Severity.FATAL),
                of("9front user trap (suicide)", "suicide: ", Severity.ERROR),
                of("9front stack dump", "\\bdump: ", Severity.WARN));
    }

    /** Linux kernel signatures. */
    public static List<FailurePattern> linux() {
        return List.of(
                of("Linux kernel panic", "Kernel panic - not syncing", Severity.FATAL),
                of("Linux oops", "\\bOops: ", Severity.ERROR),
                of("Linux BUG", "\\bBUG: ", Severity.ERROR),
                of("Linux call trace", "Call Trace:", Severity.WARN));
    }

    /** Both sets: the engine is guest-neutral, and a 9front pattern never appears in a Linux guest's output by accident. */
    public static List<FailurePattern> defaults() {
        return java.util.stream.Stream.concat(nineFront().stream(), linux().stream()).toList();
    }
}
