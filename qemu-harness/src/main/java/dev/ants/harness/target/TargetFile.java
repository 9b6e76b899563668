package dev.ants.harness.target;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ants.core.AntsException;
import dev.ants.harness.expect.Printable;
import dev.ants.harness.model.HardwareModel;
import dev.ants.harness.scenario.YamlInput;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;

/**
 * Reads a target file (see qemu-harness/README.md, "Real machines"). Every mistake is bad input naming
 * the file and the key, before any command runs or any disk is touched.
 */
public final class TargetFile {
    private static final Set<String> TOP = Set.of("name", "description", "disk9", "nic9", "cpus", "memoryMiB", "console",
            "power", "disk", "bootTimeout");
    private static final String HINT = "see qemu-harness/README.md, \"Real machines\", for the target file's keys";

    private TargetFile() {
    }

    public static TargetSpec load(Path file) {
        JsonNode n = YamlInput.read(file, "target file", HINT);
        String src = Printable.of(file.toString());
        only(n, TOP, src, "");
        String name = text(n, "name", src, true);
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,62}")) {
            throw AntsException.badInput(src + ": name " + Printable.of(name) + " must be letters, digits, . _ - (it names reports)", HINT);
        }
        int cpus = count(n, "cpus", 1, src);
        int mem = count(n, "memoryMiB", 1024, src);
        HardwareModel model = new HardwareModel(name, text(n, "description", src, false), "real", "bios", cpus, mem,
                "real", "real", text(n, "disk9", src, false), text(n, "nic9", src, false));

        JsonNode c = object(n, "console", src, true);
        only(c, Set.of("serial", "baud", "tcp"), src, "console.");
        String serial = text(c, "serial", src, false);
        String tcp = text(c, "tcp", src, false);
        if ((serial == null) == (tcp == null)) {
            throw AntsException.badInput(src + ": console needs exactly one of serial: DEVICE or tcp: HOST:PORT", HINT);
        }
        if (tcp != null && !tcp.matches("[^:\\s]+:\\d{1,5}")) {
            throw AntsException.badInput(src + ": console.tcp " + Printable.of(tcp) + " is not HOST:PORT", "e.g. tcp: lab-console:7001");
        }
        int baud = count(c, "baud", 115200, src);

        JsonNode p = object(n, "power", src, true);
        only(p, Set.of("on", "off", "cycle", "offSeconds", "ask"), src, "power.");
        boolean ask = p.path("ask").asBoolean(false);
        TargetSpec.Power power = new TargetSpec.Power(text(p, "on", src, false), text(p, "off", src, false),
                text(p, "cycle", src, false), Duration.ofSeconds(count(p, "offSeconds", 3, src)), ask);
        if (!ask && power.cycle() == null && (power.on() == null || power.off() == null)) {
            throw AntsException.badInput(src + ": power needs a cycle: command, or on: and off: commands, or ask: true",
                    "e.g. cycle: ipmitool -H bmc -U admin -E chassis power reset");
        }

        TargetSpec.Disk disk = null;
        JsonNode d = object(n, "disk", src, false);
        if (d != null) {
            only(d, Set.of("device", "ssh", "identity", "knownHosts", "inPlace"), src, "disk.");
            if (!d.path("inPlace").asBoolean(false)) {
                String dev = text(d, "device", src, true);
                String id = text(d, "identity", src, false);
                String kh = text(d, "knownHosts", src, false);
                disk = new TargetSpec.Disk(dev, text(d, "ssh", src, false), id == null ? null : resolve(file, id),
                        kh == null ? null : resolve(file, kh));
            }
        }
        return new TargetSpec(name, file, model, serial, baud, tcp, power, disk,
                Duration.ofSeconds(count(n, "bootTimeout", 300, src)));
    }

    private static Path resolve(Path file, String p) {
        Path q = Path.of(p);
        return q.isAbsolute() || file.getParent() == null ? q : file.getParent().resolve(q);
    }

    private static void only(JsonNode n, Set<String> keys, String src, String prefix) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!keys.contains(k)) {
                throw AntsException.badInput(src + ": unknown key " + prefix + Printable.of(k), "known keys: " + String.join(", ",
                        keys.stream().sorted().toList()));
            }
        }
    }

    private static JsonNode object(JsonNode n, String key, String src, boolean required) {
        JsonNode v = n.get(key);
        if (v == null && !required) return null;
        if (v == null || !v.isObject()) throw AntsException.badInput(src + ": " + key + ": is missing or not a mapping", HINT);
        return v;
    }

    private static String text(JsonNode n, String key, String src, boolean required) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            if (required) throw AntsException.badInput(src + ": " + key + ": is required", HINT);
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank() || v.asText().contains("\n")) {
            throw AntsException.badInput(src + ": " + key + ": must be one line of text", HINT);
        }
        return v.asText();
    }

    private static int count(JsonNode n, String key, int dflt, String src) {
        JsonNode v = n.get(key);
        if (v == null) return dflt;
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() <= 0 || v.asInt() > 10_000_000) {
            throw AntsException.badInput(src + ": " + key + ": must be a positive whole number", HINT);
        }
        return v.asInt();
    }
}
