package dev.ants.harness.model;

import com.fasterxml.jackson.databind.JsonMappingException;
import dev.ants.core.AntsException;
import dev.ants.core.Json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The hardware models known to a run: the built-in ones plus any the user adds from files. */
public final class ModelCatalog {
    static final Set<String> DISKS = Set.of("ide", "ahci", "virtio-blk", "virtio-scsi", "nvme");
    static final Set<String> FIRMWARE = Set.of("bios", "uefi");
    static final Set<String> MACHINES = Set.of("pc", "q35", "microvm");

    record ModelFile(List<HardwareModel> models) {
    }

    private final Map<String, HardwareModel> byName = new LinkedHashMap<>();

    private ModelCatalog() {
    }

    /** Built-in models only. */
    public static ModelCatalog builtIn() {
        ModelCatalog c = new ModelCatalog();
        try (InputStream in = ModelCatalog.class.getResourceAsStream("/dev/ants/harness/models.yaml")) {
            c.addAll(Json.YAML.readValue(in, ModelFile.class).models(), "built-in models.yaml");
        } catch (IOException e) {
            throw new IllegalStateException("built-in models.yaml unreadable", e);
        }
        return c;
    }

    /** Built-in models, then each file in order; a later model of the same name replaces an earlier one. */
    public static ModelCatalog load(List<Path> extraFiles) {
        ModelCatalog c = builtIn();
        for (Path f : extraFiles) {
            c.addFile(f);
        }
        return c;
    }

    private void addFile(Path f) {
        if (!Files.isRegularFile(f)) {
            throw AntsException.badInput("models file " + f + " does not exist",
                    "pass an existing YAML or JSON file with a top-level 'models:' list");
        }
        try {
            addAll(Json.forFile(f).readValue(f.toFile(), ModelFile.class).models(), f.toString());
        } catch (JsonMappingException e) {
            throw AntsException.badInput("models file " + f + ": " + e.getOriginalMessage(),
                    "each model needs name, machine, firmware, cpus, memoryMiB, disk, nic");
        } catch (IOException e) {
            throw AntsException.badInput("models file " + f + " is not valid YAML/JSON: " + e.getMessage(), "");
        }
    }

    private void addAll(List<HardwareModel> models, String source) {
        if (models == null) {
            throw AntsException.badInput(source + " has no 'models:' list", "");
        }
        for (HardwareModel m : models) {
            validate(m, source);
            byName.put(m.name(), m);
        }
    }

    private static void validate(HardwareModel m, String source) {
        String where = source + ": model " + m.name();
        if (m.name() == null || m.name().isBlank()) throw AntsException.badInput(source + ": a model has no name", "");
        if (!MACHINES.contains(m.machine())) throw AntsException.badInput(where + ": unknown machine " + m.machine(), "use one of " + MACHINES);
        if (!FIRMWARE.contains(m.firmware())) throw AntsException.badInput(where + ": unknown firmware " + m.firmware(), "use one of " + FIRMWARE);
        if (!DISKS.contains(m.disk())) throw AntsException.badInput(where + ": unknown disk " + m.disk(), "use one of " + DISKS);
        if (m.cpus() < 1 || m.memoryMiB() < 16) throw AntsException.badInput(where + ": cpus must be >= 1 and memoryMiB >= 16", "");
        if (m.nic() == null || m.nic().isBlank()) throw AntsException.badInput(where + ": no nic", "name a QEMU NIC model such as e1000");
    }

    public List<HardwareModel> all() {
        return Collections.unmodifiableList(new ArrayList<>(byName.values()));
    }

    /** The named model; a bad-input error listing the known names otherwise. */
    public HardwareModel get(String name) {
        HardwareModel m = byName.get(name);
        if (m == null) {
            throw AntsException.badInput("unknown hardware model '" + name + "'",
                    "known models: " + String.join(", ", byName.keySet()) + " (see: ants models)");
        }
        return m;
    }

    /** "a,b" or "all" to a list of models. */
    public List<HardwareModel> select(String spec) {
        if (spec != null && spec.trim().equals("all")) return all();
        if (spec == null || spec.isBlank()) {
            throw AntsException.badInput("--models is empty", "name models (e.g. --models pc-ide,q35-ahci) or say --models all");
        }
        List<HardwareModel> out = new ArrayList<>();
        for (String n : spec.split(",", -1)) {
            HardwareModel m = get(n.trim());
            if (out.contains(m)) {
                throw AntsException.badInput("--models names " + m.name() + " twice", "name each model once");
            }
            out.add(m);
        }
        return out;
    }
}
