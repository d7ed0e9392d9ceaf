package io.github.sharepid.krew;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The JDKs installed on this machine, found the way the launcher finds them: by each home's release file. */
final class Jdks {
    private static final Pattern VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    private Jdks() {
    }

    /**
     * The java executable of the newest JDK of at least {@code major}: SHAREPID_TEST_JDK, this JVM, the
     * JAVA_HOME_*_X64 homes GitHub's runners set, or /usr/lib/jvm/*; null when there is none.
     */
    static String newestAtLeast(int major) throws IOException {
        List<Path> homes = new ArrayList<>();
        if (System.getenv("SHAREPID_TEST_JDK") != null) {
            homes.add(Path.of(System.getenv("SHAREPID_TEST_JDK")));
        }
        homes.add(Path.of(System.getProperty("java.home")));
        System.getenv().forEach((k, v) -> {
            if (k.matches("JAVA_HOME(_\\d+_X64)?")) {
                homes.add(Path.of(v));
            }
        });
        if (Files.isDirectory(Path.of("/usr/lib/jvm"))) {
            try (Stream<Path> jvms = Files.list(Path.of("/usr/lib/jvm"))) {
                jvms.forEach(homes::add);
            }
        }
        Path best = null;
        int bestMajor = major - 1;
        for (Path home : homes) {
            int m = major(home);
            if (m > bestMajor && Files.isExecutable(home.resolve("bin/java"))) {
                best = home;
                bestMajor = m;
            }
        }
        return best == null ? null : best.resolve("bin/java").toString();
    }

    private static int major(Path home) throws IOException {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        Matcher m = VERSION.matcher(Files.readString(release));
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
