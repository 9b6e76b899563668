package dev.ants.flash.ssh;

import dev.ants.core.AntsException;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A remote host to flash on: USER@HOST[:PORT], and optionally the key to log in with and the
 * known_hosts file to check its host key against (default ~/.ssh/known_hosts).
 */
public record SshTarget(String user, String host, int port, Path identity, Path knownHosts) {
    private static final Pattern FORM = Pattern.compile("([^@\\s]+)@(\\[[^\\]]+\\]|[^:\\s@]+)(?::(\\d{1,5}))?");

    public static SshTarget parse(String spec, Path identity, Path knownHosts) {
        Matcher m = FORM.matcher(spec == null ? "" : spec);
        if (!m.matches()) throw AntsException.badInput("--ssh " + spec + " is not USER@HOST[:PORT]", "e.g. --ssh root@lab1:22");
        int port = m.group(3) == null ? 22 : Integer.parseInt(m.group(3));
        if (port < 1 || port > 65535) throw AntsException.badInput("--ssh " + spec + ": port " + port + " is out of range", "use 1-65535");
        String host = m.group(2).replaceAll("^\\[|\\]$", "");
        return new SshTarget(m.group(1), host, port, identity, knownHosts);
    }

    public Path knownHostsFile() {
        return knownHosts != null ? knownHosts : Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
    }

    /** How known_hosts names this host: "host", or "[host]:port" off port 22. */
    public String knownHostsName() {
        return port == 22 ? host : "[" + host + "]:" + port;
    }

    @Override
    public String toString() {
        return user + "@" + host + (port == 22 ? "" : ":" + port);
    }
}
