package dev.ants.harness.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One emulated PC: what QEMU is asked to present. Data, loaded from YAML/JSON ({@link ModelCatalog}).
 *
 * @param disk  disk controller: ide, ahci, virtio-blk, virtio-scsi, nvme
 * @param nic   QEMU NIC device model, e.g. e1000, e1000e, virtio-net, pcnet, rtl8139
 * @param disk9 the name 9front gives the first disk (sdC0, sdF0, ...), a hint for scenarios
 * @param nic9  the 9front driver expected to bind the NIC, a hint for scenarios
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HardwareModel(
        String name,
        String description,
        String machine,
        String firmware,
        int cpus,
        int memoryMiB,
        String disk,
        String nic,
        String disk9,
        String nic9) {

    /** 9front's name for disk {@code n} of this model (disk9 with its unit number replaced): sdC0 → sdC1. */
    public String disk9(int n) {
        if (disk9 == null || disk9.isEmpty()) return null;
        return disk9.substring(0, disk9.length() - 1) + n;
    }

    public boolean uefi() {
        return "uefi".equals(firmware);
    }

    /** The facts a scenario may use as ${model}, ${cpus}, ${memoryMiB}, ${disk9}, ${nic9}. */
    public Map<String, String> vars() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("model", name);
        v.put("cpus", Integer.toString(cpus));
        v.put("memoryMiB", Integer.toString(memoryMiB));
        if (disk9 != null) v.put("disk9", disk9);
        if (nic9 != null) v.put("nic9", nic9);
        return v;
    }
}
