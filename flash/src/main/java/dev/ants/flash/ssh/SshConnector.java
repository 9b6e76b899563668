package dev.ants.flash.ssh;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchChangedHostKeyException;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.JSchHostKeyException;
import com.jcraft.jsch.SSHAgentConnector;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.UnixDomainSocketFactory;
import com.jcraft.jsch.UserInfo;
import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Opens an SSH session with JSch: public keys only (the agent, ~/.ssh/id_*, or --identity), host keys
 * checked strictly against known_hosts, and keep-alives so a dead link is noticed.
 */
public final class SshConnector {
    private static final int CONNECT_MILLIS = 15_000;

    private SshConnector() {
    }

    public static Session connect(SshTarget t) {
        JSch jsch = new JSch();
        Path known = t.knownHostsFile();
        List<String> tried = new ArrayList<>();
        Session s;
        Recorder recorder;
        try {
            if (Files.isRegularFile(known)) jsch.setKnownHosts(known.toString());
            recorder = new Recorder(jsch.getHostKeyRepository());
            jsch.setHostKeyRepository(recorder);
            identities(jsch, t, tried);
            s = jsch.getSession(t.user(), t.host(), t.port());
        } catch (JSchException e) {
            throw AntsException.badInput("cannot use the SSH settings for " + t + ": " + e.getMessage(),
                    "check --identity and --known-hosts");
        }
        s.setConfig("StrictHostKeyChecking", "yes");
        s.setConfig("PreferredAuthentications", "publickey");
        // No transport compression: with JSch 2.28.8, zlib (either implementation) corrupted a few
        // bytes of incompressible data in our tests. The flasher gzips the data stream itself.
        s.setConfig("compression.c2s", "none");
        s.setConfig("compression.s2c", "none");
        try {
            s.setServerAliveInterval(5_000);
            s.setServerAliveCountMax(3);
            s.connect(CONNECT_MILLIS);
            return s;
        } catch (JSchHostKeyException e) {
            throw hostKey(t, known, recorder, e instanceof JSchChangedHostKeyException);
        } catch (JSchException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("Auth fail") || m.contains("Auth cancel") || m.contains("USERAUTH fail")) {
                throw new AntsException(ExitCode.ENVIRONMENT, t + " did not accept our keys (tried " + String.join(", ", tried) + ")",
                        "add your public key to ~" + t.user() + "/.ssh/authorized_keys there, or name the key with --identity FILE");
            }
            throw new AntsException(ExitCode.ENVIRONMENT, "cannot connect to " + t + ": " + m
                    + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : ""),
                    "check the host name, the port and that sshd runs there (ssh -p " + t.port() + " " + t.user() + "@" + t.host() + ")", e);
        }
    }

    private static void identities(JSch jsch, SshTarget t, List<String> tried) throws JSchException {
        if (t.identity() != null) {
            if (!Files.isReadable(t.identity())) {
                throw AntsException.badInput("--identity " + t.identity() + " is not a readable file", "check the path");
            }
            jsch.addIdentity(t.identity().toString());
            tried.add(t.identity().toString());
            return;
        }
        if (System.getenv("SSH_AUTH_SOCK") != null) {
            try {
                AgentIdentityRepository agent = new AgentIdentityRepository(new SSHAgentConnector(new UnixDomainSocketFactory()));
                if (!agent.getIdentities().isEmpty()) {
                    jsch.setIdentityRepository(agent);
                    tried.add("the ssh-agent's keys");
                    return;
                }
            } catch (Exception e) {
                // no usable agent: fall back to the key files
            }
        }
        Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
        for (String n : List.of("id_ed25519", "id_ecdsa", "id_rsa")) {
            Path k = ssh.resolve(n);
            if (!Files.isReadable(k)) continue;
            try {
                jsch.addIdentity(k.toString());
                tried.add(k.toString());
            } catch (JSchException e) {
                tried.add(k + " (unusable: " + e.getMessage() + ")");
            }
        }
        if (tried.isEmpty()) tried.add("no keys: no agent, no ~/.ssh/id_ed25519, id_ecdsa or id_rsa");
    }

    private static AntsException hostKey(SshTarget t, Path known, Recorder r, boolean changed) {
        String fp = r.presented == null ? "(not seen)" : fingerprint(r.presented);
        String type = r.presented == null ? "" : keyType(r.presented);
        String trust = "ssh-keyscan -p " + t.port() + (type.isEmpty() ? "" : " -t " + type) + " " + t.host() + " >> " + known;
        if (changed) {
            return AntsException.badInput("refused: the host key of " + t.knownHostsName() + " changed; it now presents "
                    + type + " " + fp + ", which does not match " + known + "; nothing was written",
                    "if the host was really reinstalled, check that fingerprint there (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub), then: ssh-keygen -R '"
                            + t.knownHostsName() + "' -f " + known + " && " + trust);
        }
        return AntsException.badInput("refused: the host key of " + t.knownHostsName() + " (" + type + " " + fp + ") is not in "
                + known + "; nothing was written",
                "check that fingerprint on the host (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub), then trust it: " + trust);
    }

    /** OpenSSH's form: SHA256: and the unpadded base64 of the key blob's digest. */
    static String fingerprint(byte[] blob) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The algorithm name at the head of a key blob, e.g. ssh-ed25519 → ed25519 (ssh-keyscan's -t). */
    static String keyType(byte[] blob) {
        if (blob.length < 4) return "";
        int n = ((blob[0] & 0xff) << 24) | ((blob[1] & 0xff) << 16) | ((blob[2] & 0xff) << 8) | (blob[3] & 0xff);
        if (n <= 0 || n > blob.length - 4) return "";
        String name = new String(blob, 4, n, java.nio.charset.StandardCharsets.US_ASCII);
        if (name.startsWith("ecdsa-")) return "ecdsa";
        return name.startsWith("ssh-") ? name.substring(4) : name;
    }

    /** Passes every call through and remembers the key the server presented, for the error message. */
    private static final class Recorder implements HostKeyRepository {
        private final HostKeyRepository inner;
        volatile byte[] presented;

        Recorder(HostKeyRepository inner) {
            this.inner = inner;
        }

        @Override
        public int check(String host, byte[] key) {
            presented = key.clone();
            return inner.check(host, key);
        }

        @Override
        public void add(HostKey hostkey, UserInfo ui) {
            inner.add(hostkey, ui);
        }

        @Override
        public void remove(String host, String type) {
            inner.remove(host, type);
        }

        @Override
        public void remove(String host, String type, byte[] key) {
            inner.remove(host, type, key);
        }

        @Override
        public String getKnownHostsRepositoryID() {
            return inner.getKnownHostsRepositoryID();
        }

        @Override
        public HostKey[] getHostKey() {
            return inner.getHostKey();
        }

        @Override
        public HostKey[] getHostKey(String host, String type) {
            return inner.getHostKey(host, type);
        }
    }
}
