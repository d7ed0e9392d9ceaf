package io.github.sharepid.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sharepid.output.CopyRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** list and cleanup: only labelled copies, every name checked before any delete, age and dry run. */
class CopiesCatalogueTest {
    private static final Instant NOW = Instant.parse("2026-11-29T22:00:00Z");
    private final FakePods pods = new FakePods().with(SamplePods.source(),
            SamplePods.copy("web-1-sharepid-young", "2026-11-29T21:50:00Z"),
            SamplePods.copy("web-1-sharepid-aaold", "2026-11-29T19:00:00Z"));
    private final CopiesCatalogue catalogue = new CopiesCatalogue(pods, "ns", e -> null);
    private final List<String> printed = new ArrayList<>();

    @Test
    void list_showsOnlyTheCopies_sortedByName_withSourceAndDebugContainer() {
        assertThat(catalogue.list(false)).extracting(CopyRow::name, CopyRow::source, CopyRow::container)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("web-1-sharepid-aaold", "web-1", "sharepid"),
                        org.assertj.core.groups.Tuple.tuple("web-1-sharepid-young", "web-1", "sharepid"));
        assertThat(pods.calls("listManaged")).containsExactly("ns");
    }

    @ParameterizedTest(name = "--older-than {0}, dry run {1} → {2}")
    @CsvSource(value = {
        "null | false | web-1-sharepid-young web-1-sharepid-aaold",
        "1h   | false | web-1-sharepid-aaold",
        "1h   | true  | web-1-sharepid-aaold",
        "10h  | false | ''",
    }, delimiter = '|', nullValues = "null")
    void cleanupAll_deletesWhatIsOldEnough_unlessDryRun(String olderThan, boolean dryRun, String expected) {
        Duration minAge = olderThan == null ? null : io.github.sharepid.text.Durations.parse(olderThan, "--older-than");

        List<CopyRow> doomed = catalogue.cleanup(new CopiesCatalogue.Cleanup(List.of(), false, minAge, dryRun, NOW),
                c -> printed.add(c.name()));

        List<String> names = expected.isEmpty() ? List.of() : List.of(expected.split(" "));
        assertThat(doomed).extracting(CopyRow::name).containsExactlyElementsOf(names);
        assertThat(printed).containsExactlyElementsOf(names);
        assertThat(pods.calls("delete")).containsExactlyElementsOf(
                dryRun ? List.of() : names.stream().map(n -> "ns/" + n).toList());
    }

    @Test
    void cleanupNamed_aPodThatIsNoCopy_stopsEverythingBeforeAnyDelete() {
        assertThatThrownBy(() -> catalogue.cleanup(new CopiesCatalogue.Cleanup(
                List.of("web-1-sharepid-young", "web-1"), false, null, false, NOW), c -> printed.add(c.name())))
                .hasMessage("pod web-1 in namespace ns is not a kubectl-sharepid copy (no label"
                        + " app.kubernetes.io/managed-by=kubectl-sharepid); nothing was deleted");
        assertThat(pods.calls("delete")).isEmpty();
        assertThat(printed).isEmpty();
    }

    @Test
    void cleanupNamed_deletesEachWithAShortGracePeriod() {
        catalogue.cleanup(new CopiesCatalogue.Cleanup(List.of("web-1-sharepid-young"), false, null, false, NOW),
                c -> printed.add(c.name()));

        assertThat(pods.calls("delete")).containsExactly("ns/web-1-sharepid-young");
        assertThat(pods.graces).containsExactly(CopiesCatalogue.GRACE_SECONDS).containsExactly(1L);
        assertThat(pods.pods).doesNotContainKey("ns/web-1-sharepid-young");
    }

    @Test
    void cleanup_aDeleteThatFails_saysWhichCopiesWereDeletedAndWhichAreLeft() {
        pods.with(SamplePods.copy("web-1-sharepid-zlast", "2026-11-29T19:00:00Z"));
        FakePods failing = new FakePods() {
            @Override
            public boolean delete(String namespace, String name, Long grace) {
                if (name.equals("web-1-sharepid-aaold")) {
                    throw io.github.sharepid.failure.SharepidException.failure("the API server answered 500");
                }
                return CopiesCatalogueTest.this.pods.delete(namespace, name, grace);
            }

            @Override
            public java.util.List<io.fabric8.kubernetes.api.model.Pod> listManaged(String namespace) {
                return CopiesCatalogueTest.this.pods.listManaged(namespace);
            }
        };

        assertThatThrownBy(() -> new CopiesCatalogue(failing, "ns", e -> null).cleanup(new CopiesCatalogue.Cleanup(List.of(),
                false, null, false, NOW), c -> printed.add(c.name())))
                .hasMessage("could not delete web-1-sharepid-aaold (the API server answered 500);"
                        + " deleted: web-1-sharepid-young; not deleted: web-1-sharepid-aaold, web-1-sharepid-zlast");
        assertThat(printed).containsExactly("web-1-sharepid-young");
    }

    @Test
    void cleanup_aClientFailure_isTranslatedInsideTheLine_andOneCopyKeepsTheServersOwnLine() {
        pods.with(SamplePods.copy("web-1-sharepid-zlast", "2026-11-29T19:00:00Z"));
        FakePods refusing = new FakePods() {
            @Override
            public boolean delete(String namespace, String name, Long grace) {
                throw new IllegalStateException("raw client failure of " + name);
            }

            @Override
            public io.fabric8.kubernetes.api.model.Pod get(String namespace, String name) {
                return CopiesCatalogueTest.this.pods.get(namespace, name);
            }

            @Override
            public java.util.List<io.fabric8.kubernetes.api.model.Pod> listManaged(String namespace) {
                return CopiesCatalogueTest.this.pods.listManaged(namespace);
            }
        };
        java.util.function.Function<Throwable, io.github.sharepid.failure.SharepidException> explain = e ->
                io.github.sharepid.failure.SharepidException.failure("forbidden: " + e.getMessage());
        CopiesCatalogue catalogue = new CopiesCatalogue(refusing, "ns", explain);

        assertThatThrownBy(() -> catalogue.cleanup(new CopiesCatalogue.Cleanup(List.of(), false, null, false, NOW),
                c -> printed.add(c.name())))
                .hasMessage("could not delete web-1-sharepid-young (forbidden: raw client failure of"
                        + " web-1-sharepid-young); deleted: none; not deleted: web-1-sharepid-young,"
                        + " web-1-sharepid-aaold, web-1-sharepid-zlast");
        assertThatThrownBy(() -> catalogue.cleanup(new CopiesCatalogue.Cleanup(List.of("web-1-sharepid-zlast"), false,
                null, false, NOW), c -> printed.add(c.name())))
                .hasMessage("forbidden: raw client failure of web-1-sharepid-zlast");
        assertThat(printed).isEmpty();
    }
}
