package dev.ants.harness.scenario;

import dev.ants.harness.expect.Printable;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ants.core.AntsException;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The numbers of scenario files, in seconds: a number or a numeric string, finite, at most a day, and
 * for timeouts above zero. Anything else is bad input before QEMU starts (a zero or negative timeout
 * used to start the guest and fail "within -15.0 s").
 */
final class Numbers {
    static final long MAX_SECONDS = 86_400;

    private Numbers() {
    }

    /** A step's wait: more than 0 (at least a millisecond). */
    static Duration timeout(JsonNode n, Duration dflt, String where) {
        if (n == null || n.isNull()) return dflt;
        Duration d = seconds(n, where, "timeout: 30");
        if (d.isZero()) throw AntsException.badInput(where + " must be more than 0 seconds, not " + n.asText(), "e.g. timeout: 30");
        return d;
    }

    /** No output for this long fails a wait; 0 (or null) switches the watchdog off. */
    static Duration watchdog(JsonNode n, String where) {
        if (n == null || n.isNull()) return null;
        Duration d = seconds(n, where, "watchdog: 120, or 0 to switch it off");
        return d.isZero() ? null : d;
    }

    static Duration sleep(JsonNode n, String where) {
        if (n == null || n.isNull()) throw AntsException.badInput(where + " needs a number of seconds", "e.g. sleep: 2");
        return seconds(n, where, "sleep: 2");
    }

    /** 0 to a day, to the millisecond. */
    private static Duration seconds(JsonNode n, String where, String example) {
        BigDecimal v;
        try {
            if (n.isNumber() && !n.isFloatingPointNumber()) v = new BigDecimal(n.bigIntegerValue());
            else if (n.isNumber()) v = n.isDouble() && !Double.isFinite(n.doubleValue()) ? null : n.decimalValue();
            else if (n.isTextual() && n.asText().trim().matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) v = new BigDecimal(n.asText().trim());
            else v = null;
        } catch (NumberFormatException e) {
            v = null;
        }
        if (v == null) throw AntsException.badInput(where + " must be a number of seconds, not '" + clip(n) + "'", "e.g. " + example);
        if (v.signum() < 0) throw AntsException.badInput(where + " must not be negative: " + v.toPlainString(), "e.g. " + example);
        if (v.compareTo(BigDecimal.valueOf(MAX_SECONDS)) > 0) {
            throw AntsException.badInput(where + " is more than a day: " + clip(n), "use at most " + MAX_SECONDS + " seconds");
        }
        long ms = v.movePointRight(3).setScale(0, java.math.RoundingMode.DOWN).longValueExact();
        if (ms == 0 && v.signum() > 0) throw AntsException.badInput(where + " is below a millisecond: " + v.toPlainString(), "e.g. " + example);
        return Duration.ofMillis(ms);
    }

    private static String clip(JsonNode n) {
        return Printable.of(n.isValueNode() ? n.asText() : n.toString());
    }
}
