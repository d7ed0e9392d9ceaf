package io.github.sharepid.output;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.sharepid.proc.ContainerUsage;
import io.github.sharepid.proc.TopRow;
import io.github.sharepid.proc.TopSample;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a sample of {@code kubectl sharepid top}: a header (interval, what %MEM is measured against), one line per
 * container (CPU and RSS against its limits), then {@code PID CONTAINER USER S THR %CPU RSS %MEM TIME COMMAND};
 * or a JSON/YAML document with numbers as numbers. Public records so the native image can name them.
 */
public final class TopPrinter {
    private static final List<String> COLUMNS = List.of("PID", "CONTAINER", "USER", "S", "THR", "%CPU", "RSS",
            "%MEM", "TIME", "COMMAND");

    @JsonPropertyOrder({"pod", "namespace", "intervalSeconds", "nodeMemoryKiB", "containers", "processes"})
    public record Document(String pod, String namespace, double intervalSeconds, long nodeMemoryKiB,
                           List<Container> containers, List<Process> processes) {
    }

    @JsonPropertyOrder({"name", "cpuPercent", "cpuLimitCores", "rssKiB", "memoryLimitBytes"})
    public record Container(String name, double cpuPercent, Double cpuLimitCores, long rssKiB, Long memoryLimitBytes) {
        static Container of(ContainerUsage u) {
            return new Container(u.name(), u.cpuPercent(), u.cpuLimitCores(), u.rssKiB(), u.memoryLimitBytes());
        }
    }

    @JsonPropertyOrder({"pid", "container", "user", "state", "threads", "cpuPercent", "cpuSeconds", "rssKiB",
        "memPercent", "command"})
    public record Process(int pid, String container, String user, String state, int threads, double cpuPercent,
                          double cpuSeconds, long rssKiB, Double memPercent, String command) {
        static Process of(TopRow r) {
            return new Process(r.pid(), r.container(), r.user(), r.state(), r.threads(), r.cpuPercent(),
                    r.cpuSeconds(), r.rssKiB(), r.memPercent(), r.command());
        }
    }

    private final OutputFormat format;
    private final boolean noHeaders;

    public TopPrinter(OutputFormat format, boolean noHeaders) {
        this.format = format;
        this.noHeaders = noHeaders;
    }

    public void print(String pod, String namespace, TopSample sample, PrintWriter out) {
        lines(pod, namespace, sample, Integer.MAX_VALUE).forEach(out::println);
        out.flush();
    }

    /** The sample as lines; tables keep at most {@code maxRows} process rows (a terminal's height). */
    public List<String> lines(String pod, String namespace, TopSample sample, int maxRows) {
        if (format.structured()) {
            String doc = Structured.format(new Document(pod, namespace, sample.intervalSeconds(),
                    sample.nodeMemoryKiB(), sample.containers().stream().map(Container::of).toList(),
                    sample.processes().stream().map(Process::of).toList()), format);
            return doc.lines().toList();
        }
        List<String> lines = new ArrayList<>();
        if (!noHeaders) {
            lines.add(header(pod, sample));
            sample.containers().forEach(c -> lines.add(containerLine(c)));
        }
        Table table = new Table(COLUMNS);
        sample.processes().stream().limit(maxRows).forEach(p -> table.addRow(cells(p)));
        lines.addAll(table.lines(!noHeaders));
        return lines;
    }

    /** One pod's sample; {@code label} names the pod in the header lines ({@code NAMESPACE/NAME} with -A). */
    public record PodSample(String namespace, String pod, String label, TopSample sample) {
    }

    /**
     * A sample of several pods: each pod's header and container lines (these prefixed with the pod), then one table
     * with {@code POD} first ({@code NAMESPACE} before it when {@code namespaces}), rows by pod and sorted within
     * each; or one document whose {@code pods}, {@code containers} and {@code processes} each carry pod and namespace.
     */
    public void printPods(List<PodSample> pods, boolean namespaces, PrintWriter out) {
        if (format.structured()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("pods", pods.stream().map(p -> {
                Map<String, Object> m = PodColumns.fields(p.namespace(), p.pod(), Map.of());
                m.put("intervalSeconds", p.sample().intervalSeconds());
                m.put("nodeMemoryKiB", p.sample().nodeMemoryKiB());
                return m;
            }).toList());
            doc.put("containers", pods.stream().flatMap(p -> p.sample().containers().stream()
                    .map(c -> PodColumns.fields(p.namespace(), p.pod(), Container.of(c)))).toList());
            doc.put("processes", pods.stream().flatMap(p -> p.sample().processes().stream()
                    .map(r -> PodColumns.fields(p.namespace(), p.pod(), Process.of(r)))).toList());
            Structured.print(out, doc, format);
            out.flush();
            return;
        }
        if (!noHeaders) {
            for (PodSample p : pods) {
                out.println(header(p.label(), p.sample()));
                p.sample().containers().forEach(c -> out.println("pod " + p.label() + ", " + containerLine(c)));
            }
        }
        Table table = new Table(PodColumns.headers(namespaces, COLUMNS));
        pods.forEach(p -> p.sample().processes().forEach(r -> table.addRow(PodColumns.cells(namespaces, p.namespace(),
                p.pod(), cells(r)))));
        table.lines(!noHeaders).forEach(out::println);
        out.flush();
    }

    private static List<String> cells(TopRow p) {
        return List.of(Integer.toString(p.pid()), p.container(), p.user(), p.state(), Integer.toString(p.threads()),
                number(p.cpuPercent()), Long.toString(p.rssKiB()), p.memPercent() == null ? "-" : number(p.memPercent()),
                PsTimes.cpu(p.cpuSeconds()), p.command());
    }

    private static String header(String pod, TopSample s) {
        boolean anyLimit = s.containers().stream().anyMatch(c -> c.memoryLimitBytes() != null);
        boolean anyNode = s.containers().stream().anyMatch(c -> c.memoryLimitBytes() == null);
        String mem = anyLimit && anyNode ? "its container's memory limit, else the node's " + Sizes.kib(s.nodeMemoryKiB())
                : anyLimit ? "its container's memory limit" : "the node's memory (" + Sizes.kib(s.nodeMemoryKiB()) + ")";
        return "pod " + pod + ", CPU over " + number(s.intervalSeconds()) + "s in % of one core, %MEM of " + mem;
    }

    private static String containerLine(ContainerUsage c) {
        String cpu = c.cpuLimitCores() == null ? "no limit"
                : "limit " + number(c.cpuLimitCores()) + " cores: " + number(c.cpuPercent() / c.cpuLimitCores()) + "%";
        String mem = c.memoryLimitBytes() == null ? "no limit" : "limit " + Sizes.kib(c.memoryLimitBytes() / 1024)
                + ": " + number(c.rssKiB() * 102400.0 / c.memoryLimitBytes()) + "%";
        return "container " + c.name() + ": CPU " + number(c.cpuPercent()) + "% (" + cpu + "), RSS "
                + Sizes.kib(c.rssKiB()) + " (" + mem + ")";
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
