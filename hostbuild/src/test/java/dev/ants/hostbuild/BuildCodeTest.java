package dev.ants.hostbuild;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/** The build's key follows its own code and data, and nothing else in the jar. */
class BuildCodeTest {
    @TempDir
    Path tmp;

    @Test
    void onlyTheBuildsOwnCodeAndDataChangeTheDigest() throws Exception {
        Map<String, String> files = new TreeMap<>();
        for (String p : BuildCode.PREFIXES) files.put(p + "/A.class", "code of " + p);
        files.put("dev/ants/harness/Qemu.class", "harness");
        String base = digest(files);
        assertEquals(base, digest(files), "the same jar, the same digest");

        files.put("dev/ants/harness/Qemu.class", "harness, changed");
        assertEquals(base, digest(files), "the harness does not build kernels");

        files.put("ants/kernel-patches/0001.patch", "a new patch");
        assertNotEquals(base, digest(files), "a new patch is a new kernel");
        files.remove("ants/kernel-patches/0001.patch");
        files.put("dev/ants/hostbuild/A.class", "new build rules");
        assertNotEquals(base, digest(files), "new build rules, new key");
    }

    @Test
    void codeOfUnknownOriginNeverMatchesAgain() throws Exception {
        Map<String, String> files = Map.of("dev/ants/core/A.class", "core only");
        assertNotEquals(digest(files), digest(files));
    }

    @Test
    void classDirectoriesCountLikeJars() throws IOException {
        // the module's own classes directory under Maven: found and stable
        assertEquals(BuildCode.compute(getClass().getClassLoader()), BuildCode.compute(getClass().getClassLoader()));
    }

    private String digest(Map<String, String> files) throws IOException {
        Path jar = Files.createTempFile(tmp, "ants", ".jar");
        try (OutputStream o = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(o)) {
            java.util.Set<String> dirs = new java.util.TreeSet<>();
            for (String f : files.keySet()) {
                for (int i = f.indexOf('/'); i > 0; i = f.indexOf('/', i + 1)) dirs.add(f.substring(0, i + 1));
            }
            for (String d : dirs) j.putNextEntry(new JarEntry(d));
            for (Map.Entry<String, String> f : files.entrySet()) {
                j.putNextEntry(new JarEntry(f.getKey()));
                j.write(f.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        try (URLClassLoader l = new URLClassLoader(new URL[]{jar.toUri().toURL()}, null)) {
            return BuildCode.compute(l);
        }
    }
}
