package io.github.sharepid.krew;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The native executable and the JVM launcher give the code the same things: every flag the launcher
 * (src/main/sh/kubectl-sharepid) passes is either start-up tuning that only a JVM has, or something the
 * code needs, which the native profile (pom.xml) or our native-image.properties must pass too. And what
 * a JVM has without asking (every charset, the http/https URL handlers) is asked for in the native args.
 * Issue #17: the launcher passed --enable-native-access=ALL-UNNAMED, the native build did not, and every
 * native {@code debug} began with four JDK warning lines.
 */
class NativeArgsMatchLauncherTest {
    private static final Path LAUNCHER = Path.of("src/main/sh/kubectl-sharepid");
    private static final Path PROPERTIES = Path.of(
            "src/main/resources/META-INF/native-image/io.github.sharepid/kubectl-sharepid/native-image.properties");
    /**
     * Launcher flags that tune a JVM's start-up (JIT tiers, GC, heap sizing, class-data archives, logging): no
     * native counterpart by that name (the young generation's bound has its own, {@link #youngGeneration_isBoundedOnBothSides}).
     */
    private static final List<String> JVM_ONLY_PREFIXES = List.of("-Xmn", "-XX:TieredStopAtLevel=", "-XX:+UseSerialGC",
            "-XX:-UsePerfData", "-Xlog:", "-XX:Tier4", "-XX:CompileCommand=", "-XX:AOTCache", "-XX:SharedArchiveFile",
            "-XX:ArchiveClassesAtExit", "-jar");
    /** What a JVM has by default and a native image only when the build asks: the native argument for each. */
    private static final Map<String, Pattern> JVM_DEFAULTS = Map.of(
            "every charset (the kubeconfig reader looks up UTF-32)", Pattern.compile("(^|\\s)-H:\\+AddAllCharsets(\\s|$)"),
            "the http and https URL handlers", Pattern.compile("--enable-url-protocols=(http,https|https,http)(\\s|$)"));

    @Test
    void everyLauncherFlag_isJvmTuning_orAlsoANativeBuildArgument() throws Exception {
        Set<String> needs = new TreeSet<>();
        for (String flag : launcherFlags()) {
            if (JVM_ONLY_PREFIXES.stream().noneMatch(flag::startsWith)) {
                needs.add(flag);
            }
        }
        List<String> nativeArgs = nativeArgs();

        assertThat(needs).as("what the launcher gives the code beyond tuning").contains("--enable-native-access=ALL-UNNAMED");
        assertThat(nativeArgs).as("pom.xml native profile buildArgs and native-image.properties").containsAll(needs);
    }

    @Test
    void whatAJvmHasByDefault_theNativeBuildAsksFor() throws Exception {
        String joined = String.join(" ", nativeArgs());
        JVM_DEFAULTS.forEach((what, arg) -> assertThat(joined).as(what).containsPattern(arg));
    }

    @Test
    void youngGeneration_isBoundedOnBothSides() throws Exception {
        assertThat(launcherFlags()).as("the launcher, every command").filteredOn(f -> f.startsWith("-Xmn")).hasSize(2);
        assertThat(nativeArgs()).as("the native image's run-time default").anyMatch(a -> a.startsWith("-R:MaxNewSize="));
    }

    @Test
    void nativeAccess_inThePom_saysWhy() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        int arg = pom.indexOf("<buildArg>--enable-native-access=ALL-UNNAMED</buildArg>");
        assertThat(arg).as("the build argument").isPositive();
        assertThat(pom.substring(pom.lastIndexOf("<!--", arg), arg)).contains("JLine").contains("WARNING");
    }

    /** Every {@code -flag} on the lines that build the launcher's JVM options. */
    static List<String> launcherFlags() throws IOException {
        List<String> flags = new ArrayList<>();
        Pattern flag = Pattern.compile("(?<=[\"\\s=])(--[a-z][^\\s\"$]*|-[XD][^\\s\"$]*|-jar|-cp)(?=[\\s\"$]|$)");
        for (String line : Files.readAllLines(LAUNCHER)) {
            String code = line.strip();
            if (code.startsWith("#") || !(code.contains("jvm=") || code.contains("use=") || code.contains("exec "))) {
                continue;
            }
            Matcher m = flag.matcher(code);
            while (m.find()) {
                flags.add(m.group(1));
            }
        }
        return flags;
    }

    /** The native profile's buildArgs plus the Args of our native-image.properties, one token each. */
    static List<String> nativeArgs() throws Exception {
        List<String> args = new ArrayList<>();
        var pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        NodeList profiles = pom.getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element profile = (Element) profiles.item(i);
            if ("native".equals(profile.getElementsByTagName("id").item(0).getTextContent())) {
                NodeList buildArgs = profile.getElementsByTagName("buildArg");
                for (int j = 0; j < buildArgs.getLength(); j++) {
                    args.add(buildArgs.item(j).getTextContent().strip());
                }
            }
        }
        assertThat(args).as("the native profile's buildArgs").isNotEmpty();
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(PROPERTIES)) {
            p.load(in);
        }
        args.addAll(List.of(p.getProperty("Args", "").strip().split("\\s+")));
        return args;
    }
}
