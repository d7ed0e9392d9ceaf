package io.github.sharepid.krew;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks krew itself makes on a plugin manifest, so a bad manifest fails here and not on a user's
 * machine: krew's {@code validation.ValidatePlugin} (structure, name, semver, sha256, selectors, files),
 * {@code validate-krew-manifest} (every selector matches a platform krew ships for, no two overlap, a
 * license file is installed, line lengths) and its installer (the {@code bin} must be one of the
 * installed files). Returns what is wrong, one line each; an empty list means krew would accept it.
 */
final class KrewRules {
    static final String API_VERSION = "krew.googlecontainertools.github.com/v1alpha2";
    /** validate-krew-manifest warns past this many characters in shortDescription. */
    static final int SHORT_DESCRIPTION_MAX = 70;
    /** ...and past this many in a line of description or caveats. */
    static final int LINE_MAX = 80;
    /** The (os, arch) pairs krew is released for: validate-krew-manifest's allPlatforms(). */
    static final List<OsArch> KNOWN_PLATFORMS = List.of(
            new OsArch("windows", "386"), new OsArch("windows", "amd64"), new OsArch("windows", "arm64"),
            new OsArch("linux", "386"), new OsArch("linux", "amd64"), new OsArch("linux", "arm"),
            new OsArch("linux", "arm64"), new OsArch("linux", "ppc64le"),
            new OsArch("darwin", "386"), new OsArch("darwin", "amd64"), new OsArch("darwin", "arm64"));
    /** The file names validate-krew-manifest accepts as the plugin's license. */
    static final Set<String> LICENSE_FILES = Set.of("license", "license.txt", "license.md", "licenses",
            "licenses.txt", "licenses.md", "copying", "copying.txt");

    private static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9-]*$");
    private static final Pattern SEMVER = Pattern.compile("^v(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?$");
    private static final Pattern SHA256 = Pattern.compile("^[a-f0-9]{64}$");
    private static final Set<String> WINDOWS_RESERVED = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3",
            "com4", "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7",
            "lpt8", "lpt9");

    private KrewRules() {
    }

    record OsArch(String os, String arch) {
        Map<String, String> labels() {
            return Map.of("os", os, "arch", arch);
        }

        @Override
        public String toString() {
            return os + "/" + arch;
        }
    }

    static List<String> violations(JsonNode m) {
        List<String> v = new ArrayList<>();
        expect(v, API_VERSION.equals(m.path("apiVersion").asText()), "apiVersion must be " + API_VERSION);
        expect(v, "Plugin".equals(m.path("kind").asText()), "kind must be Plugin");
        String name = m.path("metadata").path("name").asText();
        expect(v, NAME.matcher(name).matches() && !WINDOWS_RESERVED.contains(name),
                "metadata.name '" + name + "' must be lowercase letters, digits and dashes, and not a reserved name");
        JsonNode spec = m.path("spec");
        expect(v, SEMVER.matcher(spec.path("version").asText()).matches(),
                "spec.version '" + spec.path("version").asText() + "' must be semver with a leading v");
        String shortDescription = spec.path("shortDescription").asText();
        expect(v, !shortDescription.isBlank(), "spec.shortDescription is required");
        expect(v, !shortDescription.contains("\n") && !shortDescription.contains("\r"),
                "spec.shortDescription must be one line");
        expect(v, shortDescription.length() <= SHORT_DESCRIPTION_MAX,
                "spec.shortDescription is longer than " + SHORT_DESCRIPTION_MAX + " characters");
        expect(v, !spec.path("description").asText().isBlank(), "spec.description is required");
        lineLengths(v, "spec.description", spec.path("description").asText());
        lineLengths(v, "spec.caveats", spec.path("caveats").asText());
        JsonNode platforms = spec.path("platforms");
        expect(v, platforms.isArray() && !platforms.isEmpty(), "spec.platforms must list at least one platform");
        for (int i = 0; i < platforms.size(); i++) {
            platform(v, "spec.platforms[" + i + "]", platforms.get(i));
        }
        coverage(v, platforms);
        return v;
    }

    private static void platform(List<String> v, String at, JsonNode p) {
        expect(v, !p.path("uri").asText().isBlank(), at + ".uri is required");
        expect(v, p.path("sha256").isTextual() && SHA256.matcher(p.path("sha256").asText()).matches(),
                at + ".sha256 must be 64 lowercase hex digits");
        String bin = p.path("bin").asText();
        expect(v, !bin.isBlank(), at + ".bin is required");
        JsonNode files = p.path("files");
        if (!files.isMissingNode() && !files.isNull()) {
            expect(v, files.isArray() && !files.isEmpty(), at + ".files must be left out or list files");
            for (JsonNode f : files) {
                String to = f.path("to").asText();
                expect(v, !f.path("from").asText().isBlank() && !to.isBlank(), at + ".files entries need from and to");
                expect(v, to.isBlank() || Installed.isClean(to), at + ".files: to '" + to + "' is not a clean path");
            }
            expect(v, Installed.paths(files).contains(Installed.normalize(bin)),
                    at + ".bin '" + bin + "' is not among the files installed " + Installed.paths(files));
            expect(v, Installed.paths(files).stream().anyMatch(f -> LICENSE_FILES.contains(
                    f.substring(f.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT))), at + " installs no LICENSE file");
        }
        Selectors.validate(v, at + ".selector", p.path("selector"));
    }

    private static void coverage(List<String> v, JsonNode platforms) {
        for (int i = 0; i < platforms.size(); i++) {
            JsonNode selector = platforms.get(i).path("selector");
            expect(v, KNOWN_PLATFORMS.stream().anyMatch(k -> Selectors.matches(selector, k)),
                    "spec.platforms[" + i + "].selector matches no platform krew is released for");
        }
        for (OsArch k : KNOWN_PLATFORMS) {
            List<Integer> matching = new ArrayList<>();
            for (int i = 0; i < platforms.size(); i++) {
                if (Selectors.matches(platforms.get(i).path("selector"), k)) {
                    matching.add(i);
                }
            }
            expect(v, matching.size() <= 1, "spec.platforms " + matching + " overlap: all select " + k);
        }
    }

    private static void lineLengths(List<String> v, String at, String text) {
        text.lines().filter(l -> l.length() > LINE_MAX && l.strip().contains(" ")).findFirst()
                .ifPresent(l -> v.add(at + " has a line longer than " + LINE_MAX + " characters: " + l));
    }

    static void expect(List<String> v, boolean ok, String violation) {
        if (!ok) {
            v.add(violation);
        }
    }
}
