package io.github.sharepid.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Names and labels of the copy. */
class CopyMetadataTest {
    private static final String NAME_70 = "checkout-service-payment-gateway-adapter-v2-7d9f8b6c5f-canary-x2k4q-zz";
    private static final String CUT_ON_DASH = "a".repeat(47) + "-b".repeat(10);

    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of("short source name is kept whole", null, "nginx", "nginx-sharepid-x7k2q"),
                Arguments.of("70-character source name is cut to fit 63", null, NAME_70,
                        "checkout-service-payment-gateway-adapter-v2-7d9f-sharepid-x7k2q"),
                Arguments.of("a cut that ends in '-' drops it", null, CUT_ON_DASH,
                        "a".repeat(47) + "-sharepid-x7k2q"),
                Arguments.of("a cut that ends in '.' drops it", null, "a".repeat(47) + ".example",
                        "a".repeat(47) + "-sharepid-x7k2q"),
                Arguments.of("explicit name is used as given", "my-copy", NAME_70, "my-copy"),
                Arguments.of("empty explicit name means generate", "", "nginx", "nginx-sharepid-x7k2q"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void copyName_isExplicitOrGeneratedWithin63Characters(String name, String explicit, String source, String want) {
        String got = CopyMetadata.copyName(explicit, source, Fixtures.SUFFIX);

        assertThat(got).isEqualTo(want);
        if (explicit == null) {
            assertThat(got).hasSizeLessThanOrEqualTo(63);
        }
    }

    @Test
    void build_withKeepLabels_letsOurManagedByLabelWinOverTheSources() {
        Pod helmPod = new PodBuilder().withNewMetadata().withName("web").withNamespace("shop")
                .withLabels(Map.of("app.kubernetes.io/managed-by", "Helm", "app", "web")).endMetadata().build();
        Fixtures.SpecBuilder spec = new Fixtures.SpecBuilder();
        spec.keepLabels = true;

        var meta = CopyMetadata.build(helmPod, spec.build(), Fixtures.ctx());

        assertThat(meta.getLabels()).containsExactlyInAnyOrderEntriesOf(
                Map.of("app.kubernetes.io/managed-by", "kubectl-sharepid", "app", "web"));
    }

    @Test
    void notes_withKeepLabelsButNoSourceLabels_warnsOfNothing() {
        Fixtures.SpecBuilder spec = new Fixtures.SpecBuilder();
        spec.keepLabels = true;

        assertThat(CopyMetadata.notes(Fixtures.docsSeedPod(), spec.build())).isEmpty();
    }
}
