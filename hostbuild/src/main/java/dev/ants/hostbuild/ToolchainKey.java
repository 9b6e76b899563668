package dev.ants.hostbuild;

import dev.ants.core.Sha256;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The toolchain cache key: sha256 over the tree files the tools are built from (the staged
 * directories, sys/include and yaccpar), our C sources, the tool list and the gcc version. Equal keys
 * mean an identical toolchain, so a cached one can be reused whatever the tree's path.
 */
final class ToolchainKey {
    private ToolchainKey() {
    }

    static String compute(Path tree, HostToolList list, OwnSources own, String gccVersion) throws IOException {
        MessageDigest md = Sha256.digest();
        update(md, "tool-list", list.raw());
        update(md, "gcc", gccVersion.getBytes(StandardCharsets.UTF_8));
        update(md, "host-cflags", String.join(" ", BootstrapToolchainStep.HOST_CFLAGS).getBytes(StandardCharsets.UTF_8));
        update(md, "native-cflags", String.join(" ", BootstrapToolchainStep.NATIVE_CFLAGS).getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> e : own.files().entrySet()) update(md, "own:" + e.getKey(), e.getValue());
        List<String> roots = new ArrayList<>(list.stage());
        roots.add("sys/include");
        roots.add("sys/lib/yaccpar");
        for (String rel : roots) {
            Path p = tree.resolve(rel.endsWith("?") ? rel.substring(0, rel.length() - 1) : rel);
            if (!Files.exists(p)) continue;
            try (Stream<Path> s = Files.walk(p)) {
                for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                    update(md, tree.relativize(f).toString(), Files.readAllBytes(f));
                }
            }
        }
        return Sha256.hex(md.digest()).substring(0, 32);
    }

    private static void update(MessageDigest md, String name, byte[] data) {
        md.update(name.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(Long.toString(data.length).getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(data);
    }
}
