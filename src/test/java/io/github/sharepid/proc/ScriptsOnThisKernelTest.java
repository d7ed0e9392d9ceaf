package io.github.sharepid.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.github.sharepid.proc.SignalResult.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the exact script texts with a local busybox against this machine's /proc, so a change to a script
 * cannot pass on the captures alone. Signals go only to a sleep this test started. Busybox is looked for
 * where {@code .ci/run} installs it ({@code /bin} or {@code /usr/bin}) and on the PATH; without it the test
 * is skipped on a developer's machine but fails under {@code CI=true}, where a skip would hide the check.
 */
class ScriptsOnThisKernelTest {
    private static final Path BUSYBOX = findBusybox();

    /** A PATH of busybox applets only, under target/ so it outlives the test without cleanup. */
    private final Path bin = Path.of("target", "busybox-bin");

    @BeforeEach
    void busyboxApplets() throws IOException {
        linkApplets(bin, List.of("sh", "grep", "tr", "kill", "sleep", "cat", "readlink"));
    }

    /**
     * Links {@code applets} to busybox in {@code bin}; skips the test without busybox, except under
     * {@code CI=true}, where it fails.
     */
    static void linkApplets(Path bin, List<String> applets) throws IOException {
        if ("true".equals(System.getenv("CI"))) {
            assertThat(BUSYBOX).as("busybox (CI=true: .ci/run installs busybox-static)").isNotNull();
        }
        assumeTrue(BUSYBOX != null && Files.isDirectory(Path.of("/proc/self")), "needs busybox");
        Files.createDirectories(bin);
        for (String applet : applets) {
            if (!Files.exists(bin.resolve(applet), LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(bin.resolve(applet), BUSYBOX);
            }
        }
    }

    @Test
    void psScript_listsThisJvmWithItsArgumentsAndLeavesItselfOut() throws Exception {
        Ran ran = run(PsScript.argv());
        // what ps accepts, no more: exit 2 with the uptime record is a whole listing (a process ended mid-scan)
        assertThat(PsScript.completed(ran.exitCode(), ran.out())).as("exit " + ran.exitCode()).isTrue();
        byte[] out = ran.out();

        ProcSnapshot snapshot = ProcParser.parse(out);
        List<ProcessInfo> rows = Attribution.attribute(snapshot, new PodBuilder().build(), "here");

        ProcessHandle jvm = ProcessHandle.current();
        String[] jvmArguments = jvm.info().arguments().orElseThrow();
        assertThat(rows).filteredOn(p -> p.pid() == jvm.pid()).singleElement()
                .satisfies(p -> assertThat(p.args()).endsWith(jvmArguments))
                .satisfies(p -> assertThat(p.uid()).isGreaterThanOrEqualTo(0));
        assertThat(snapshot.processes()).containsKey(snapshot.selfPid());
        assertThat(rows).extracting(ProcessInfo::pid).doesNotContain(snapshot.selfPid());
    }

    @Test
    void signalScript_dryRunZeroChangedTermAndGone_onASleepOfThisTest() throws Exception {
        Process sleep = new ProcessBuilder(bin.resolve("sleep").toAbsolutePath().toString(), "60").start();
        try {
            int pid = (int) sleep.pid();
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            long start = ProcStat.parse(stat).orElseThrow().startTicks();
            GuardedPid guarded = new GuardedPid(pid, start);

            assertThat(results("TERM", true, guarded)).containsExactly(new SignalResult(pid, Outcome.DRY, ""));
            assertThat(results("0", false, guarded)).containsExactly(new SignalResult(pid, Outcome.OK, ""));
            assertThat(results("TERM", false, new GuardedPid(pid, start + 1)))
                    .containsExactly(new SignalResult(pid, Outcome.CHANGED, ""));
            assertThat(sleep.isAlive()).isTrue();

            assertThat(results("TERM", false, guarded)).containsExactly(new SignalResult(pid, Outcome.OK, ""));
            assertThat(sleep.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(sleep.exitValue()).isEqualTo(128 + 15);
            assertThat(results("TERM", false, guarded)).containsExactly(new SignalResult(pid, Outcome.GONE, ""));
        } finally {
            sleep.destroyForcibly();
        }
    }

    @Test
    void chooseScript_listsThenSignalsOnlyTheLineItIsSent_andNothingOnAnEmptyLine() throws Exception {
        Process sleep = new ProcessBuilder(bin.resolve("sleep").toAbsolutePath().toString(), "60").start();
        try {
            int pid = (int) sleep.pid();
            assertThat(converse("TERM", "\n").results()).as("the empty line").isEmpty();
            assertThat(sleep.isAlive()).isTrue();
            String guarded = new String(SignalScript.targetsLine(List.of(GuardedPid.of(
                    Attribution.attribute(ProcParser.parse(converse("0", "\n").listing()), new PodBuilder().build(),
                            "here").stream().filter(p -> p.pid() == pid).findFirst().orElseThrow()))),
                    java.nio.charset.StandardCharsets.US_ASCII);
            assertThat(converse("TERM", guarded.strip()).results())
                    .as("a line cut short by the end of stdin, as when we go away mid-line").isEmpty();
            assertThat(sleep.isAlive()).isTrue();

            Conversation dry = converse("TERM", null, pid, true);
            assertThat(dry.results()).containsExactly(new SignalResult(pid, Outcome.DRY, ""));
            assertThat(sleep.isAlive()).isTrue();

            Conversation sent = converse("TERM", null, pid, false);
            assertThat(PsScript.completed(sent.listingStatus(), sent.listing())).isTrue();
            assertThat(sent.results()).containsExactly(new SignalResult(pid, Outcome.OK, ""));
            assertThat(sleep.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(sleep.exitValue()).isEqualTo(128 + 15);
        } finally {
            sleep.destroyForcibly();
        }
    }

    @Test
    void peekChooseScript_readsTheRootOfThePidItIsSent_andNothingOnAnEmptyLine() throws Exception {
        Path file = Files.writeString(Path.of("target", "peek-choose.txt").toAbsolutePath(), "peeked\n");
        Process sleep = new ProcessBuilder(bin.resolve("sleep").toAbsolutePath().toString(), "60").start();
        try {
            List<String> argv = PeekScript.chooseArgv(file.toString(), false);
            Chosen nothing = choose(argv, listing -> "\n");
            assertThat(nothing.exitCode()).isZero();
            assertThat(nothing.after()).isEmpty();

            Chosen read = choose(argv, listing -> new String(PeekScript.pidLine(sleep.pid()),
                    java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(PsScript.completed(read.listingStatus(), read.listing())).isTrue();
            assertThat(read.exitCode()).isZero();
            assertThat(new String(read.after(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo("F" + file + "\0peeked\n");
        } finally {
            sleep.destroyForcibly();
        }
    }

    @Test
    void followChooseScript_followsThePidsFileWhileStdinStaysOpen_andStopsWhenItCloses() throws Exception {
        linkApplets(bin, List.of("head", "tail", "stat"));
        Path file = Files.writeString(Path.of("target", "follow-choose.log").toAbsolutePath(), "one\n");
        Process sleep = new ProcessBuilder(bin.resolve("sleep").toAbsolutePath().toString(), "60").start();
        Process follow = null;
        try {
            List<String> command = new ArrayList<>(FollowScript.chooseArgv(file.toString(), FollowScript.ALL));
            command.set(0, bin.resolve("sh").toAbsolutePath().toString());
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("PATH", bin.toAbsolutePath().toString());
            follow = builder.start();
            java.io.InputStream out = follow.getInputStream();
            assertThat(throughListed(out).status()).isZero();
            follow.getOutputStream().write(PeekScript.pidLine(sleep.pid()));
            follow.getOutputStream().flush(); // and stdin stays open: the script goes on following

            assertThat(readUntil(out, "one\n")).isEqualTo("F" + file + "\0one\n");
            Files.writeString(file, "two\n", java.nio.file.StandardOpenOption.APPEND);
            assertThat(readUntil(out, "two\n")).isEqualTo("two\n");

            follow.getOutputStream().close();
            assertThat(follow.waitFor(10, TimeUnit.SECONDS)).as("stopped when its stdin closed").isTrue();
        } finally {
            sleep.destroyForcibly();
            if (follow != null) {
                follow.destroyForcibly();
            }
        }
    }

    private static String readUntil(java.io.InputStream in, String end) throws IOException {
        StringBuilder got = new StringBuilder();
        while (!got.toString().endsWith(end)) {
            int b = in.read();
            assertThat(b).as("more output after " + got).isNotNegative();
            got.append((char) b);
        }
        return got.toString();
    }

    /** What one run of the choose script did: its listing, the listing's status, and the results after the line. */
    private record Conversation(byte[] listing, int listingStatus, List<SignalResult> results) {
    }

    /** What one run of a script built on {@link PsScript#LISTING_THEN_LINE} did, the line given. */
    private record Chosen(byte[] listing, int listingStatus, byte[] after, int exitCode) {
    }

    private Conversation converse(String signal, String line) throws Exception {
        return converse(signal, line, 0, false);
    }

    /**
     * Runs the signal choose script; sends {@code line}, else the guarded target for {@code pid} as its listing
     * shows it (so the start time comes from the script's own listing, as signal takes it).
     */
    private Conversation converse(String signal, String line, int pid, boolean dryRun) throws Exception {
        Chosen chosen = choose(SignalScript.chooseArgv(Signals.parse(signal), dryRun), listing -> {
            if (line != null) {
                return line;
            }
            ProcessInfo listed = Attribution.attribute(ProcParser.parse(listing), new PodBuilder().build(), "here")
                    .stream().filter(p -> p.pid() == pid).findFirst().orElseThrow();
            return new String(SignalScript.targetsLine(List.of(GuardedPid.of(listed))),
                    java.nio.charset.StandardCharsets.US_ASCII);
        });
        assertThat(chosen.exitCode()).isZero();
        return new Conversation(chosen.listing(), chosen.listingStatus(), SignalResults.parse(chosen.after()));
    }

    /** Runs {@code argv}, reads its listing up to the marker, sends the line {@code choose} makes of it. */
    private Chosen choose(List<String> argv, java.util.function.Function<byte[], String> choose) throws Exception {
        List<String> command = new ArrayList<>(argv);
        command.set(0, bin.resolve("sh").toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("PATH", bin.toAbsolutePath().toString());
        Process process = builder.start();
        java.io.InputStream out = process.getInputStream();
        Listed listed = throughListed(out);
        process.getOutputStream().write(choose.apply(listed.records()).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        process.getOutputStream().close(); // the end of stdin: what a dropped connection gives the script
        byte[] after = out.readAllBytes();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return new Chosen(listed.records(), listed.status(), after, process.exitValue());
    }

    /** The listing's records (each NUL-terminated) and the status its {@link PsScript#LISTED} record gave. */
    private record Listed(byte[] records, int status) {
    }

    /**
     * Reads {@code out} up to and including the {@link PsScript#LISTED} record, which must start a record; linear
     * in the listing (this machine's may hold thousands of processes).
     */
    private static Listed throughListed(java.io.InputStream out) throws IOException {
        byte[] prefix = (PsScript.LISTED + ":").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        java.io.ByteArrayOutputStream records = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream record = new java.io.ByteArrayOutputStream();
        for (int b = out.read(); ; b = out.read()) {
            assertThat(b).as("the listing ends with the marker").isNotNegative();
            record.write(b);
            if (b != 0) {
                continue;
            }
            byte[] r = record.toByteArray();
            record.reset();
            if (r.length > prefix.length && java.util.Arrays.equals(r, 0, prefix.length, prefix, 0, prefix.length)) {
                return new Listed(records.toByteArray(), Integer.parseInt(
                        new String(r, prefix.length, r.length - prefix.length - 1, java.nio.charset.StandardCharsets.US_ASCII)));
            }
            records.write(r, 0, r.length);
        }
    }

    private List<SignalResult> results(String signal, boolean dryRun, GuardedPid target) throws Exception {
        Ran ran = run(SignalScript.argv(Signals.parse(signal), dryRun, List.of(target)));
        assertThat(ran.exitCode()).as("signal accepts exit 0 only").isZero();
        return SignalResults.parse(ran.out());
    }

    /** What a script did: its exit code and its stdout. */
    private record Ran(int exitCode, byte[] out) {
    }

    private Ran run(List<String> argv) throws Exception {
        List<String> command = new ArrayList<>(argv);
        command.set(0, bin.resolve("sh").toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("PATH", bin.toAbsolutePath().toString());
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return new Ran(process.exitValue(), out);
    }

    /** The busybox binary in /bin, /usr/bin or on the PATH; null when there is none. */
    static Path findBusybox() {
        java.util.stream.Stream<Path> pathDirs = java.util.Arrays.stream(
                String.valueOf(System.getenv("PATH")).split(java.io.File.pathSeparator)).map(Path::of);
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(Path.of("/bin"), Path.of("/usr/bin")), pathDirs)
                .map(d -> d.resolve("busybox")).filter(Files::isExecutable).findFirst().orElse(null);
    }
}
