package dev.ants.hostbuild;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The directories mk install copies into, read from the mkfiles' {@code BIN=} and {@code LIB=}
 * lines (git tracks no empty directories, so /amd64/bin/aux, /amd64/lib/ape, /acme/bin/amd64 are
 * missing in a checkout and cp into them fails). Variables are expanded from the mkfile itself and
 * the files it includes ({@code BIN=$APEBIN} with APEBIN set in /sys/src/ape/config).
 */
final class InstallDirs {
    private static final Pattern ASSIGN = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*([^#\\n]*)", Pattern.MULTILINE);
    private static final Pattern INCLUDE = Pattern.compile("^<\\s*(\\S+)", Pattern.MULTILINE);
    private static final Pattern VAR = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?");

    private InstallDirs() {
    }

    /** Absolute Plan 9 directories, sorted; entries that stay unresolved or relative are left out. */
    static List<String> of(Path tree, String objtype) throws IOException {
        TreeSet<String> dirs = new TreeSet<>();
        for (String top : List.of("sys/src", "acme")) {
            Path root = tree.resolve(top);
            if (!Files.isDirectory(root)) continue;
            try (Stream<Path> s = Files.walk(root)) {
                for (Path mk : s.filter(p -> p.getFileName().toString().startsWith("mk") && Files.isRegularFile(p)).toList()) {
                    Map<String, String> vars = variables(tree, mk, objtype);
                    String bin = vars.get("BIN");
                    if (bin != null) add(dirs, expand(bin, vars));
                    String lib = vars.get("LIB");
                    if (lib != null) {
                        for (String w : expand(lib, vars).split("\\s+")) {
                            if (w.endsWith(".a") && w.lastIndexOf('/') > 0) add(dirs, w.substring(0, w.lastIndexOf('/')));
                        }
                    }
                }
            }
        }
        return List.copyOf(dirs);
    }

    private static void add(TreeSet<String> dirs, String d) {
        d = d.trim();
        if (d.startsWith("/") && !d.contains("$") && !d.contains(" ") && !d.contains("..")) dirs.add(d);
    }

    /** The mkfile's assignments over those of the files it includes (one level deep, as the trees use them). */
    private static Map<String, String> variables(Path tree, Path mk, String objtype) throws IOException {
        Map<String, String> vars = new HashMap<>();
        String text = Files.readString(mk, StandardCharsets.ISO_8859_1);
        Matcher inc = INCLUDE.matcher(text);
        while (inc.find()) {
            String f = inc.group(1).replace("$objtype", objtype);
            Path p = f.startsWith("/") ? tree.resolve(f.substring(1)) : mk.getParent().resolve(f);
            if (Files.isRegularFile(p) && !f.endsWith("/mkfile")) assignments(Files.readString(p, StandardCharsets.ISO_8859_1), vars);
        }
        assignments(text, vars);
        vars.put("objtype", objtype);
        vars.putIfAbsent("ROOT", "");
        return vars;
    }

    private static void assignments(String text, Map<String, String> vars) {
        Matcher m = ASSIGN.matcher(text);
        while (m.find()) vars.put(m.group(1), m.group(2).trim());
    }

    static String expand(String v, Map<String, String> vars) {
        for (int i = 0; i < 5 && v.contains("$"); i++) {
            Matcher m = VAR.matcher(v);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                String val = vars.get(m.group(1));
                m.appendReplacement(b, Matcher.quoteReplacement(val == null ? m.group() : val));
            }
            m.appendTail(b);
            v = b.toString();
        }
        return v;
    }
}
