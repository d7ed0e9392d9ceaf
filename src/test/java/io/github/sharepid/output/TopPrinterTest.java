package io.github.sharepid.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sharepid.proc.ContainerUsage;
import io.github.sharepid.proc.TopRow;
import io.github.sharepid.proc.TopSample;
import java.util.List;
import org.junit.jupiter.api.Test;

/** top's table (header, container lines, rows) and its document with numbers as numbers. */
class TopPrinterTest {
    private static final TopSample SAMPLE = new TopSample(1.0, 2_097_152, List.of(
            new ContainerUsage("app", 98.5, 0.5, 2048, 64L * 1024 * 1024),
            new ContainerUsage("side", 0.0, null, 512, null)), List.of(
            new TopRow(10, "app", "root", "R", 1, 98.5, 12.3, 2048, 3.1, "sh -c while :; do :; done"),
            new TopRow(14, "side", "nobody", "S", 2, 0.0, 0.01, 512, null, "sleep 1d")));

    @Test
    void table_headerSaysWhatMemIsOf_containerLinesAgainstLimits() {
        List<String> lines = new TopPrinter(OutputFormat.TABLE, false).lines("web", "ns", SAMPLE, 10);

        assertThat(lines).containsExactly(
                "pod web, CPU over 1.0s in % of one core, %MEM of its container's memory limit, else the node's 2.0Gi",
                "container app: CPU 98.5% (limit 0.5 cores: 197.0%), RSS 2.0Mi (limit 64.0Mi: 3.1%)",
                "container side: CPU 0.0% (no limit), RSS 512Ki (no limit)",
                "PID   CONTAINER   USER     S   THR   %CPU   RSS    %MEM   TIME   COMMAND",
                "10    app         root     R   1     98.5   2048   3.1    0:12   sh -c while :; do :; done",
                "14    side        nobody   S   2     0.0    512    -      0:00   sleep 1d");
    }

    @Test
    void table_keepsAtMostTheRowsThatFit() {
        assertThat(new TopPrinter(OutputFormat.TABLE, true).lines("web", "ns", SAMPLE, 1)).hasSize(1);
    }

    @Test
    void json_numbersAreNumbers() {
        String json = String.join("\n", new TopPrinter(OutputFormat.JSON, false).lines("web", "ns", SAMPLE, 10));

        assertThat(json).contains("\"intervalSeconds\": 1.0").contains("\"cpuPercent\": 98.5")
                .contains("\"memPercent\": null").contains("\"cpuLimitCores\": 0.5").contains("\"rssKiB\": 2048");
    }

    @Test
    void severalPods_yaml_podsContainersAndProcessesEachCarryPodAndNamespace() {
        java.io.StringWriter text = new java.io.StringWriter();
        new TopPrinter(OutputFormat.YAML, false).printPods(List.of(new TopPrinter.PodSample("team", "web-a", "team/web-a",
                SAMPLE)), true, new java.io.PrintWriter(text));

        assertThat(text.toString()).startsWith("pods:\n- pod: web-a\n  namespace: team\n  intervalSeconds: 1.0\n"
                + "  nodeMemoryKiB: 2097152\ncontainers:\n- pod: web-a\n  namespace: team\n  name: app\n")
                .contains("processes:\n- pod: web-a\n  namespace: team\n  pid: 10\n  container: app\n");
    }

    @Test
    void severalPods_table_headerLinesNameThePod_namespaceAndPodColumnsFirst() {
        java.io.StringWriter text = new java.io.StringWriter();
        new TopPrinter(OutputFormat.TABLE, false).printPods(List.of(new TopPrinter.PodSample("team", "web-a", "team/web-a",
                SAMPLE)), true, new java.io.PrintWriter(text));

        assertThat(text.toString().lines()).containsExactly(
                "pod team/web-a, CPU over 1.0s in % of one core, %MEM of its container's memory limit, else the node's 2.0Gi",
                "pod team/web-a, container app: CPU 98.5% (limit 0.5 cores: 197.0%), RSS 2.0Mi (limit 64.0Mi: 3.1%)",
                "pod team/web-a, container side: CPU 0.0% (no limit), RSS 512Ki (no limit)",
                "NAMESPACE   POD     PID   CONTAINER   USER     S   THR   %CPU   RSS    %MEM   TIME   COMMAND",
                "team        web-a   10    app         root     R   1     98.5   2048   3.1    0:12   sh -c while :; do :; done",
                "team        web-a   14    side        nobody   S   2     0.0    512    -      0:00   sleep 1d");
    }
}
