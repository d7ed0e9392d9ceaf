package io.github.sharepid.krew;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.sharepid.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No command prints a JDK warning when the JVM gets only what the native build is given: each runs in a
 * child {@code java -cp ...} without the launcher and its flags, with just the native profile's arguments
 * that a JVM also understands (today --enable-native-access), so it stands in for the native executable.
 * The JDK warns about restricted methods (JLine's System.load) only from JDK 22 on, so the child runs on
 * the newest JDK 22+ found (Temurin 25 here); without one the test is skipped, and fails under CI=true.
 * A control run without those arguments must show the warning, so this test can see one.
 */
@Timeout(120)
class NoJdkWarningsTest {
    @TempDir
    static Path dir;
    private static String java;
    private static FakeApiServerProcess fake;

    @BeforeAll
    static void findJdkAndStartTheFake() throws Exception {
        java = Jdks.newestAtLeast(22);
        if (java == null && "true".equals(System.getenv("CI"))) {
            fail("CI=true: a JDK 22+ is needed to see restricted-method warnings (looked in /usr/lib/jvm,"
                    + " JAVA_HOME_*_X64, SHAREPID_TEST_JDK)");
        }
        assumeTrue(java != null, "no JDK 22+ here: the JDK warns about native access only from 22 on");
        fake = FakeApiServerProcess.start(dir);
    }

    @AfterAll
    static void stopTheFake() throws InterruptedException {
        if (fake != null) {
            fake.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--version", "ps nginx -n fixtures-proc --exec-container shell",
            "debug ghost", "debug nginx --context gone"})
    void command_withOnlyTheNativeArgs_printsNoJdkWarning(String args) throws Exception {
        Run run = run(nativeJvmArgs(), args);

        assertThat(run.stderr.lines()).as(run.toString()).noneMatch(line -> line.startsWith("WARNING:"));
        if (args.contains("ghost") || args.contains("gone")) {
            assertThat(run.code).as(run.toString()).isEqualTo(1);
            assertThat(run.stderr.lines()).as("one error line: " + run).singleElement().asString().startsWith("error: ");
        } else {
            assertThat(run.code).as(run.toString()).isZero();
        }
    }

    @Test
    void control_debugWithoutNativeAccess_showsTheJdkWarning() throws Exception {
        Run run = run(List.of(), "debug nginx --context gone");

        assertThat(run.stderr).as(run.toString()).contains("WARNING: A restricted method", "--enable-native-access");
    }

    /** The native build arguments a JVM understands as they are. */
    private static List<String> nativeJvmArgs() throws Exception {
        List<String> args = NativeArgsMatchLauncherTest.nativeArgs().stream()
                .filter(a -> a.startsWith("--enable-native-access=")).toList();
        assertThat(args).isNotEmpty();
        return args;
    }

    private record Run(int code, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    private static Run run(List<String> jvmArgs, String args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args.split(" ")));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("KUBECONFIG", fake.kubeconfig.toString());
        pb.environment().remove("JAVA_TOOL_OPTIONS"); // it makes the JVM print "Picked up ..." on stderr
        Process p = pb.start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(out.join(), StandardCharsets.UTF_8), err);
    }

    private static byte[] readAll(java.io.InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
