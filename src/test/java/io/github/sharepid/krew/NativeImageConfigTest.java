package io.github.sharepid.krew;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.graalvm.nativeimage.hosted.Feature;
import org.junit.jupiter.api.Test;

/**
 * The native-image metadata this project keeps by hand stays complete and within its rules: every
 * resource the code loads by name is registered, picocli-codegen registers every command for
 * reflection, the URL protocols and charsets fabric8 needs are in the image, the metadata uses only
 * attributes the GraalVM 25 builder knows (its comments at the top) and nothing is initialized at build
 * time. (That the image builds and runs is checked by the release workflow, on GraalVM.)
 */
class NativeImageConfigTest {
    private static final Path MAIN_JAVA = Path.of("src/main/java");
    private static final Path OWN = Path.of("src/main/resources/META-INF/native-image/io.github.sharepid/kubectl-sharepid");
    private static final Path PICOCLI_REFLECT = Path.of(
            "target/classes/META-INF/native-image/picocli-generated/io.github.sharepid/kubectl-sharepid/reflect-config.json");
    private static final Pattern RESOURCE_LOAD = Pattern.compile("getResource(?:AsStream)?\\(\"([^\"]+)\"\\)");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What native-image puts in without -H:+AddAllCharsets (LocalizationFeature.addCharsets), besides the default. */
    private static final Set<Charset> NATIVE_DEFAULT_CHARSETS = Set.of(StandardCharsets.US_ASCII,
            StandardCharsets.ISO_8859_1, StandardCharsets.UTF_8, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE,
            StandardCharsets.UTF_16);
    /** The attributes GraalVM 25.0's parser knows per entry (ReflectionMetadataParser, ResourceConfigurationParser). */
    private static final Set<String> REFLECTION_ATTRIBUTES = Set.of("type", "condition", "methods", "fields",
            "allDeclaredConstructors", "allPublicConstructors", "allDeclaredMethods", "allPublicMethods",
            "allDeclaredFields", "allPublicFields", "unsafeAllocated", "serializable", "jniAccessible");
    private static final Set<String> RESOURCE_ATTRIBUTES = Set.of("glob", "module", "condition");

    @Test
    void ownMetadata_registersEveryResourceTheCodeLoadsByName() throws IOException {
        Set<String> loaded = resourcesLoadedByName();
        List<String> globs = new ArrayList<>();
        metadata().path("resources").forEach(r -> globs.add(r.path("glob").asText()));

        assertThat(loaded).as("resource names found in the code").contains("io/github/sharepid/version.properties");
        assertThat(loaded).allSatisfy(name -> assertThat(globs).as("globs registering " + name)
                .anyMatch(glob -> globToRegex(glob).matcher(name).matches()));
    }

    @Test
    void picocliCodegen_registersEveryCommandForReflection() throws IOException {
        assertThat(PICOCLI_REFLECT).as("written by picocli-codegen during compile").exists();
        Set<String> registered = new TreeSet<>();
        JSON.readTree(PICOCLI_REFLECT.toFile()).forEach(e -> registered.add(e.path("name").asText()));

        assertThat(commandClasses()).isNotEmpty().allSatisfy(c -> assertThat(registered).contains(c));
    }

    @Test
    void urlProtocolsFabric8Needs_areEnabled() throws IOException {
        assertThat(args()).containsPattern("--enable-url-protocols=(http,https|https,http)(\\s|$)");
        List<String> handlers = new ArrayList<>();
        metadata().path("reflection").forEach(r -> handlers.add(r.path("type").asText()));
        assertThat(handlers).contains("sun.net.www.protocol.http.Handler", "sun.net.www.protocol.https.Handler");
    }

    @Test
    void charsetsTheKubeconfigReaderLooksUp_areInTheImage() throws IOException, ReflectiveOperationException {
        Set<Charset> needed = staticCharsets(Class.forName("org.snakeyaml.engine.v2.api.YamlUnicodeReader"));
        Set<Charset> missingByDefault = new HashSet<>(needed);
        missingByDefault.removeAll(NATIVE_DEFAULT_CHARSETS);

        assertThat(needed).as("what fabric8's YAML reader looks up in its static initializer")
                .contains(StandardCharsets.UTF_8, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE);
        assertThat(missingByDefault).extracting(Charset::name).containsExactlyInAnyOrder("UTF-32BE", "UTF-32LE");
        assertThat(args()).as("a native image without them fails every kubeconfig read")
                .containsPattern("(^|\\s)-H:\\+AddAllCharsets(\\s|$)");
    }

    @Test
    void ownMetadata_usesOnlyAttributesTheBuilderKnows_withEachReasonInTheTopComment() throws IOException {
        JsonNode metadata = metadata();
        List<String> comment = new ArrayList<>();
        metadata.path("comment").forEach(line -> comment.add(line.asText()));

        for (JsonNode entry : metadata.path("reflection")) {
            assertThat(entry.fieldNames()).toIterable().as(entry.toString()).isSubsetOf(REFLECTION_ATTRIBUTES);
            assertThat(comment).as("the reason for " + entry)
                    .anyMatch(line -> line.startsWith("reflection " + entry.path("type").asText() + ": "));
        }
        for (JsonNode entry : metadata.path("resources")) {
            assertThat(entry.fieldNames()).toIterable().as(entry.toString()).isSubsetOf(RESOURCE_ATTRIBUTES);
            assertThat(comment).as("the reason for " + entry)
                    .anyMatch(line -> line.startsWith("resource " + entry.path("glob").asText() + ": "));
        }
    }

    @Test
    void featuresNamedInTheArgs_areGraalVmFeatures_thatNothingElseLoads() throws IOException, ClassNotFoundException {
        Matcher features = Pattern.compile("--features=(\\S+)").matcher(args());
        assertThat(features.find()).as("--features in native-image.properties").isTrue();
        for (String name : features.group(1).split(",")) {
            assertThat(Feature.class).isAssignableFrom(Class.forName(name));
        }
        for (Path source : javaSources()) {
            if (!source.startsWith(MAIN_JAVA.resolve("io/github/sharepid/nativeimage"))) {
                assertThat(Files.readString(source)).as(source + ": the JVM never loads GraalVM's API")
                        .doesNotContain("io.github.sharepid.nativeimage");
            }
        }
    }

    @Test
    void nothingIsInitializedAtBuildTime() throws IOException {
        assertThat(args()).doesNotContain("--initialize-at-build-time");
        assertThat(Files.readString(Path.of("pom.xml"))).doesNotContain("<buildArg>--initialize-at-build-time");
    }

    @Test
    void ownMetadata_isJsonInTheReachabilityMetadataForm() throws IOException {
        JsonNode metadata = metadata();
        assertThat(metadata.isObject()).isTrue();
        assertThat(metadata.fieldNames()).toIterable()
                .isSubsetOf("comment", "reflection", "jni", "serialization", "resources", "bundles");
    }

    private static Set<Charset> staticCharsets(Class<?> type) throws IllegalAccessException {
        Set<Charset> charsets = new HashSet<>();
        for (Field f : type.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == Charset.class) {
                f.setAccessible(true);
                charsets.add((Charset) f.get(null));
            }
        }
        return charsets;
    }

    private static JsonNode metadata() throws IOException {
        return JSON.readTree(OWN.resolve("reachability-metadata.json").toFile());
    }

    private static String args() throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(OWN.resolve("native-image.properties"))) {
            p.load(in);
        }
        return p.getProperty("Args", "");
    }

    private static Set<String> resourcesLoadedByName() throws IOException {
        Set<String> names = new TreeSet<>();
        for (Path source : javaSources()) {
            Matcher m = RESOURCE_LOAD.matcher(Files.readString(source));
            while (m.find()) {
                String name = m.group(1);
                names.add(name.startsWith("/") ? name.substring(1)
                        : MAIN_JAVA.relativize(source.getParent()).toString().replace('\\', '/') + "/" + name);
            }
        }
        return names;
    }

    private static Set<String> commandClasses() throws IOException {
        Set<String> classes = new TreeSet<>();
        for (Path source : javaSources()) {
            if (Files.readString(source).contains("\n@Command(")) {
                String relative = MAIN_JAVA.relativize(source).toString().replace('\\', '/');
                classes.add(relative.substring(0, relative.length() - ".java".length()).replace('/', '.'));
            }
        }
        return classes;
    }

    private static List<Path> javaSources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN_JAVA)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }

    /** native-image resource globs: {@code *} within one path segment, {@code **} across segments. */
    static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
