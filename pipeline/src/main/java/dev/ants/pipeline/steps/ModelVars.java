package dev.ants.pipeline.steps;

import dev.ants.harness.model.HardwareModel;

import java.util.LinkedHashMap;
import java.util.Map;

/** The facts of a hardware model a scenario may use as ${model}, ${disk9}, ${nic9}, ${cpus}. */
public final class ModelVars {
    private ModelVars() {
    }

    public static Map<String, String> of(HardwareModel m) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("model", m.name());
        v.put("cpus", Integer.toString(m.cpus()));
        v.put("memoryMiB", Integer.toString(m.memoryMiB()));
        if (m.disk9() != null) v.put("disk9", m.disk9());
        if (m.nic9() != null) v.put("nic9", m.nic9());
        return v;
    }
}
