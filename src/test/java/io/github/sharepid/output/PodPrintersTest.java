package io.github.sharepid.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sharepid.proc.Attribution;
import io.github.sharepid.proc.Fixtures;
import io.github.sharepid.proc.ProcParser;
import io.github.sharepid.proc.ProcessInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The several-pod forms of ps and peek-root --checksum: POD (and NAMESPACE) first, json by process, the groups. */
class PodPrintersTest {
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 22, 15, 0, 0, 0, ZoneOffset.UTC);
    private static final List<ProcessInfo> DOCS = Attribution.attribute(
            ProcParser.parse(Fixtures.bytes("docs-pod.bin")), Fixtures.pod("docs-pod.json"), "shell");

    @Test
    void ps_table_podFirst_thenEachPodsRowsInPidOrder() {
        assertThat(ps(OutputFormat.TABLE, false, false, false, "nginx")).containsExactly(
                "POD     PID   CONTAINER   USER    STAT   TIME   COMMAND",
                "web-a   8     nginx       root    Ss     0:00   nginx: master process nginx -g daemon off;",
                "web-a   14    nginx       nginx   S      0:00   nginx: worker process",
                "web-a   15    nginx       nginx   S      0:00   nginx: worker process",
                "web-b   8     nginx       root    Ss     0:00   nginx: master process nginx -g daemon off;",
                "web-b   14    nginx       nginx   S      0:00   nginx: worker process",
                "web-b   15    nginx       nginx   S      0:00   nginx: worker process");
    }

    @Test
    void ps_allNamespaces_tree_noHeaders() {
        assertThat(ps(OutputFormat.TABLE, true, true, true, "nginx")).containsExactly(
                "team   web-a   8    nginx   root    Ss   0:00   nginx: master process nginx -g daemon off;",
                "team   web-a   14   nginx   nginx   S    0:00    \\_ nginx: worker process",
                "team   web-a   15   nginx   nginx   S    0:00    \\_ nginx: worker process",
                "team   web-b   8    nginx   root    Ss   0:00   nginx: master process nginx -g daemon off;",
                "team   web-b   14   nginx   nginx   S    0:00    \\_ nginx: worker process",
                "team   web-b   15   nginx   nginx   S    0:00    \\_ nginx: worker process");
    }

    @Test
    void ps_wide_keepsTheWideColumnsAfterPod() {
        assertThat(ps(OutputFormat.WIDE, false, false, false, "nginx").get(0))
                .isEqualTo("POD     PID   PPID   CONTAINER   USER    STAT   RSS    START   ELAPSED   TIME   COMMAND");
    }

    @Test
    void ps_json_everyProcessCarriesPodAndNamespace_thenThePsFields() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(String.join("\n", ps(OutputFormat.JSON, false, false, false, "nginx")));

        assertThat(doc.get("processes")).hasSize(6);
        JsonNode first = doc.get("processes").get(0);
        assertThat(first.fieldNames()).toIterable().startsWith("pod", "namespace", "pid", "ppid", "container");
        assertThat(first.get("pod").asText() + "/" + first.get("namespace").asText() + "/" + first.get("pid").asInt())
                .isEqualTo("web-a/team/8");
    }

    @Test
    void checksum_tableAndTheSummaryThatNamesTheOddPod() {
        List<ChecksumPrinter.Sum> sums = List.of(sum("web-a", "aa"), sum("web-b", "bb"), sum("web-c", "aa"),
                sum("web-d", "aa"));
        StringWriter text = new StringWriter();
        ChecksumPrinter.print(new PrintWriter(text), "/etc/x", sums, OutputFormat.TABLE, false, false);

        assertThat(text.toString().lines()).containsExactly("SHA256   SIZE   POD", "aa       5      web-a",
                "bb       5      web-b", "aa       5      web-c", "aa       5      web-d");
        assertThat(ChecksumPrinter.summary(sums)).isEqualTo("3 pods identical, 1 differs: web-b");
    }

    @Test
    void checksum_summary_allSame_twoDiffer_onePod() {
        assertThat(ChecksumPrinter.summary(List.of(sum("a", "x"), sum("b", "x")))).isEqualTo("all 2 pods identical");
        assertThat(ChecksumPrinter.summary(List.of(sum("a", "x"), sum("b", "y"), sum("c", "z"), sum("d", "x"))))
                .isEqualTo("2 pods identical, 2 differ: b, c");
        assertThat(ChecksumPrinter.summary(List.of(sum("a", "x"), sum("b", "y")))).isEqualTo("1 pod identical, 1 differs: b");
        assertThat(ChecksumPrinter.summary(List.of(sum("a", "x")))).isEmpty();
    }

    @Test
    void checksum_json_groupsIdenticalFiles_largestFirst() throws Exception {
        StringWriter text = new StringWriter();
        ChecksumPrinter.print(new PrintWriter(text), "/etc/x", List.of(sum("a", "x"), sum("b", "y"), sum("c", "y")),
                OutputFormat.JSON, false, false);

        JsonNode doc = new ObjectMapper().readTree(text.toString());
        assertThat(doc.get("groups").get(0).get("pods").toString()).isEqualTo("[\"b\",\"c\"]");
        assertThat(doc.get("pods").get(0).get("sha256").asText()).isEqualTo("x");
    }

    private static ChecksumPrinter.Sum sum(String pod, String sha) {
        return new ChecksumPrinter.Sum("team", pod, sha, 5);
    }

    private static List<String> ps(OutputFormat format, boolean tree, boolean noHeaders, boolean namespaces,
                                   String container) {
        List<ProcessInfo> mine = DOCS.stream().filter(p -> p.container().equals(container)).toList();
        StringWriter text = new StringWriter();
        new PodProcessPrinter(new ProcessPrinter.Options(format, tree, noHeaders, NOW, null, null), namespaces)
                .print(List.of(new PodProcessPrinter.PodRows("team", "web-a", mine),
                        new PodProcessPrinter.PodRows("team", "web-b", mine)), new PrintWriter(text));
        return text.toString().lines().toList();
    }
}
