package io.github.sharepid.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.sharepid.proc.Attribution;
import io.github.sharepid.proc.Fixtures;
import io.github.sharepid.proc.ProcParser;
import io.github.sharepid.proc.ProcessInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessPrinterTest {
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 22, 15, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void table_docsPod_showsContainerUserStatTimeAndCommand() {
        assertThat(print(captured("docs-pod"), OutputFormat.TABLE, false, false)).containsExactly(
                "PID   CONTAINER   USER    STAT   TIME   COMMAND",
                "1     (sandbox)   65535   Ss     0:00   /pause",
                "8     nginx       root    Ss     0:00   nginx: master process nginx -g daemon off;",
                "14    nginx       nginx   S      0:00   nginx: worker process",
                "15    nginx       nginx   S      0:00   nginx: worker process",
                "16    shell       root    Ss+    0:00   sh");
    }

    @Test
    void table_noHeaders_leavesOutTheHeaderAndItsWidths() {
        assertThat(print(captured("docs-pod"), OutputFormat.TABLE, false, true)).containsExactly(
                "1    (sandbox)   65535   Ss    0:00   /pause",
                "8    nginx       root    Ss    0:00   nginx: master process nginx -g daemon off;",
                "14   nginx       nginx   S     0:00   nginx: worker process",
                "15   nginx       nginx   S     0:00   nginx: worker process",
                "16   shell       root    Ss+   0:00   sh");
    }

    @Test
    void wide_docsPod_addsPpidRssStartAndElapsed() {
        assertThat(print(captured("docs-pod"), OutputFormat.WIDE, false, false)).containsExactly(
                "PID   PPID   CONTAINER   USER    STAT   RSS    START   ELAPSED   TIME   COMMAND",
                "1     0      (sandbox)   65535   Ss     692    14:28   00:06     0:00   /pause",
                "8     0      nginx       root    Ss     7124   14:28   00:06     0:00   "
                        + "nginx: master process nginx -g daemon off;",
                "14    8      nginx       nginx   S      2992   14:28   00:06     0:00   nginx: worker process",
                "15    8      nginx       nginx   S      2992   14:28   00:06     0:00   nginx: worker process",
                "16    0      shell       root    Ss+    1672   14:28   00:06     0:00   sh");
    }

    @Test
    void tree_odditiesPod_indentsChildrenAndShowsTheZombieAndTheEscapedCommand() {
        assertThat(print(captured("oddities-pod"), OutputFormat.TABLE, true, false)).containsExactly(
                "PID   CONTAINER   USER    STAT   TIME   COMMAND",
                "1     (sandbox)   65535   Ss     0:00   /pause",
                "7     app         root    Ss     0:00   sleep 3600",
                "13    app         root    Z      0:00    \\_ [sleep] <defunct>",
                "14    odd         1234    Ss     0:00   "
                        + "sh -c printf 'a) (b\\nc' > /proc/self/comm; while :; do sleep 3600; done we ird\\nname ",
                "20    odd         1234    S      0:00    \\_ sleep 3600",
                "21    shell       root    Ss     0:00   sleep 3600");
    }

    @Test
    void tree_deeperLevelsRootsByPidOrphansAndCycles_likePsForest() {
        List<ProcessInfo> processes = List.of(process(1, 0, "init"), process(3, 0, "other"), process(5, 1, "child"),
                process(6, 1, "second"), process(9, 5, "grandchild"), process(10, 42, "orphan"),
                process(20, 21, "cycle-a"), process(21, 20, "cycle-b"));

        assertThat(print(processes, OutputFormat.TABLE, true, true)).extracting(line -> line.substring(31))
                .containsExactly("init", " \\_ child", "     \\_ grandchild", " \\_ second", "other", "orphan",
                        "cycle-a", " \\_ cycle-b");
    }

    @Test
    void json_hasTheFixedFieldOrderKubectlIndentationAndNullForAnUnknownUid() {
        String json = String.join("\n", print(List.of(process(7, 0, "nginx", "-g", "daemon off;"),
                unknownUidZombie()), OutputFormat.JSON, true, true));

        assertThat(json).isEqualTo("""
                {
                    "pod": "web",
                    "namespace": "default",
                    "processes": [
                        {
                            "pid": 7,
                            "ppid": 0,
                            "container": "app",
                            "uid": 101,
                            "user": "nginx",
                            "state": "S",
                            "stat": "Ss",
                            "cpuSeconds": 1.5,
                            "rssKiB": 2048,
                            "start": "2026-11-22T14:28:50.330Z",
                            "elapsedSeconds": 1869,
                            "command": "nginx -g daemon off;",
                            "args": [
                                "nginx",
                                "-g",
                                "daemon off;"
                            ]
                        },
                        {
                            "pid": 13,
                            "ppid": 7,
                            "container": "?",
                            "uid": null,
                            "user": "?",
                            "state": "Z",
                            "stat": "Z",
                            "cpuSeconds": 0.0,
                            "rssKiB": 0,
                            "start": "2026-11-21T09:00:00Z",
                            "elapsedSeconds": 108000,
                            "command": "[sleep] <defunct>",
                            "args": []
                        }
                    ]
                }""");
    }

    @Test
    void yaml_hasTheFixedFieldOrderAndQuotesOnlyWhatYamlWouldMisread() {
        List<String> yaml = print(List.of(process(7, 0, "sleep", "3600", "", "a: b", "x\ny"), unknownUidZombie()),
                OutputFormat.YAML, false, false);

        assertThat(yaml).containsExactly("pod: web", "namespace: default", "processes:",
                "- pid: 7", "  ppid: 0", "  container: app", "  uid: 101", "  user: nginx", "  state: S",
                "  stat: Ss", "  cpuSeconds: 1.5", "  rssKiB: 2048", "  start: \"2026-11-22T14:28:50.330Z\"",
                "  elapsedSeconds: 1869", "  command: \"sleep 3600  a: b x\\\\ny\"", "  args:", "  - sleep",
                "  - \"3600\"", "  - \"\"", "  - \"a: b\"", "  - |-", "    x", "    y",
                "- pid: 13", "  ppid: 7", "  container: '?'", "  uid: null", "  user: '?'", "  state: Z",
                "  stat: Z", "  cpuSeconds: 0.0", "  rssKiB: 0", "  start: \"2026-11-21T09:00:00Z\"",
                "  elapsedSeconds: 108000", "  command: \"[sleep] <defunct>\"", "  args: []");
    }

    @Test
    void yaml_readsBackWithStringsAsStrings() throws Exception {
        String yaml = String.join("\n", print(captured("oddities-pod"), OutputFormat.YAML, false, false));

        JsonNode odd = new YAMLMapper().readTree(yaml).get("processes").get(3);

        assertThat(odd.get("user").isTextual()).isTrue();
        assertThat(odd.get("user").asText()).isEqualTo("1234");
        assertThat(odd.get("start").asText()).isEqualTo("2026-11-22T14:28:30.840Z");
        assertThat(odd.get("args")).extracting(JsonNode::asText).containsExactly("sh", "-c",
                "printf 'a) (b\\nc' > /proc/self/comm; while :; do sleep 3600; done", "we ird\nname", "");
    }

    private static List<ProcessInfo> captured(String name) {
        return Attribution.attribute(ProcParser.parse(Fixtures.bytes(name + ".bin")),
                Fixtures.pod(name + ".json"), "shell");
    }

    /** A process of container {@code app} whose comm is its first argument. */
    private static ProcessInfo process(int pid, int ppid, String... args) {
        return new ProcessInfo(pid, ppid, "app", 101, "nginx", "S", "Ss", 1.5, 2048,
                Instant.parse("2026-11-22T14:28:50.330Z"), 1869, args[0], List.of(args), 175033);
    }

    private static ProcessInfo unknownUidZombie() {
        return new ProcessInfo(13, 7, "?", -1, "?", "Z", "Z", 0, 0, Instant.parse("2026-11-21T09:00:00Z"), 108000,
                "sleep", List.of(), 1);
    }

    private static List<String> print(List<ProcessInfo> processes, OutputFormat format, boolean tree,
                                      boolean noHeaders) {
        StringWriter text = new StringWriter();
        new ProcessPrinter(new ProcessPrinter.Options(format, tree, noHeaders, NOW, "web", "default"))
                .print(processes, new PrintWriter(text));
        return text.toString().lines().toList();
    }
}
