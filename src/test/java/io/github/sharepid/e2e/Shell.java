package io.github.sharepid.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs real commands as a user would, with the built {@code target/} first on PATH so that
 * {@code kubectl sharepid} finds the launcher the build produced.
 */
final class Shell {
    /** What a command did. */
    record Result(int exitCode, byte[] stdoutBytes, String stderr) {
        String stdout() {
            return new String(stdoutBytes, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout() + "\n--- stderr\n" + stderr;
        }
    }

    static final Path BIN = Path.of(System.getProperty("sharepid.bin", "target")).toAbsolutePath();

    private Shell() {
    }

    static Result kubectl(String... args) {
        return run(null, prepend("kubectl", args));
    }

    /** {@code kubectl sharepid ARGS...} */
    static Result sharepid(String... args) {
        return run(null, prepend("kubectl", prepend("sharepid", args)));
    }

    static Result sharepidWithStdin(byte[] stdin, String... args) {
        return run(stdin, prepend("kubectl", prepend("sharepid", args)));
    }

    static Result run(byte[] stdin, List<String> argv) {
        try {
            Process p = start(argv);
            CompletableFuture<byte[]> out = drain(p.getInputStream());
            CompletableFuture<byte[]> err = drain(p.getErrorStream());
            try (OutputStream in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            }
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + argv);
            }
            return new Result(p.exitValue(), out.join(), new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static Process start(List<String> argv) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(argv);
        Map<String, String> env = pb.environment();
        env.put("PATH", BIN + ":" + env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
        return pb.start();
    }

    /**
     * The process under {@code parent} that runs the binary under test with {@code command}, found by what
     * it is, whichever build {@code -Dsharepid.bin} names: a native executable is {@code BIN/kubectl-sharepid}
     * itself; the JVM launcher execs a java whose arguments hold {@code -jar BIN/kubectl-sharepid.jar}.
     * The launcher's background class-data training run ({@code io.github.sharepid.Train}) does not count.
     */
    static Optional<ProcessHandle> runningBinary(Process parent, String command) {
        Path executable = resolved(BIN.resolve("kubectl-sharepid").toString());
        Path jar = resolved(BIN.resolve("kubectl-sharepid.jar").toString());
        return parent.descendants().filter(h -> {
            List<String> args = List.of(h.info().arguments().orElse(new String[0]));
            boolean binary = h.info().command().map(c -> executable != null && executable.equals(resolved(c))).orElse(false)
                    || args.stream().anyMatch(a -> jar != null && a.endsWith(".jar") && jar.equals(resolved(a)));
            return binary && args.contains(command) && !args.contains("io.github.sharepid.Train");
        }).findFirst();
    }

    private static Path resolved(String path) {
        try {
            return Path.of(path).toRealPath();
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return null; // not a file here: not the binary
        }
    }

    static CompletableFuture<byte[]> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                in.transferTo(b);
                return b.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static List<String> prepend(String first, String... rest) {
        List<String> l = new ArrayList<>();
        l.add(first);
        l.addAll(List.of(rest));
        return l;
    }

    static List<String> prepend(String first, List<String> rest) {
        List<String> l = new ArrayList<>();
        l.add(first);
        l.addAll(rest);
        return l;
    }

    static boolean kubeconfigPresent() {
        String kc = System.getenv("KUBECONFIG");
        return kc != null && Files.isReadable(Path.of(kc.split(":")[0]));
    }
}
