package io.github.sharepid.output;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.sharepid.proc.ProcessInfo;
import java.util.List;

/**
 * The {@code -o json|yaml} document of {@code ps}, with a fixed field order so scripts can rely on it:
 * {@code {pod, namespace, processes: [{pid, ppid, container, uid, user, ...}]}}, instants in ISO-8601.
 * Public only so that the native image's reflection registrations can name it (nativeimage.JacksonReach).
 */
public final class PsDocument {
    @JsonPropertyOrder({"pod", "namespace", "processes"})
    public record Document(String pod, String namespace, List<Row> processes) {
    }

    /** One process; {@code uid} is null when unknown, {@code command} is the escaped display form. */
    @JsonPropertyOrder({"pid", "ppid", "container", "uid", "user", "state", "stat", "cpuSeconds", "rssKiB",
        "start", "elapsedSeconds", "command", "args"})
    public record Row(int pid, int ppid, String container, Long uid, String user, String state, String stat,
               double cpuSeconds, long rssKiB, String start, long elapsedSeconds, String command,
               List<String> args) {
        static Row of(ProcessInfo p) {
            return new Row(p.pid(), p.ppid(), p.container(), p.uid() < 0 ? null : p.uid(), p.user(), p.state(),
                    p.stat(), p.cpuSeconds(), p.rssKiB(), p.start().toString(), p.elapsedSeconds(), p.command(),
                    p.args());
        }
    }

    private PsDocument() {
    }

    static String json(String pod, String namespace, List<ProcessInfo> processes) {
        return Structured.json(document(pod, namespace, processes));
    }

    static String yaml(String pod, String namespace, List<ProcessInfo> processes) {
        return Structured.yaml(document(pod, namespace, processes));
    }

    private static Document document(String pod, String namespace, List<ProcessInfo> processes) {
        return new Document(pod, namespace, processes.stream().map(Row::of).toList());
    }
}
