package io.github.sharepid.proc;

import io.fabric8.kubernetes.api.model.Pod;
import io.github.sharepid.failure.SharepidException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Picks the descriptors {@code files} shows from a pod's {@link FdTable}, with their processes. */
public final class FileRows {
    private FileRows() {
    }

    /**
     * @param pid       one process, or null
     * @param container one container's processes ({@link ContainerFilter}), or null
     * @param deleted   only regular files deleted but held open, largest first
     */
    public record Selection(Integer pid, String container, boolean deleted) {
    }

    /** The rows, and the selected processes whose descriptors could not be read (with why). */
    public record Result(List<FileRow> rows, Map<Integer, String> unreadable) {
    }

    /** @throws SharepidException (USAGE) for an unknown container; (FAILURE) when no such process runs */
    public static Result select(List<ProcessInfo> processes, FdTable fds, Pod pod, Selection selection) {
        List<ProcessInfo> chosen = ContainerFilter.select(processes, pod, selection.container());
        if (selection.pid() != null) {
            chosen = chosen.stream().filter(p -> p.pid() == selection.pid()).toList();
            if (chosen.isEmpty()) {
                throw SharepidException.failure("no process " + selection.pid() + " in pod " + pod.getMetadata().getName()
                        + (selection.container() == null ? "" : " container " + selection.container()));
            }
        }
        List<FileRow> rows = new ArrayList<>();
        Map<Integer, String> unreadable = new TreeMap<>();
        for (ProcessInfo p : chosen) {
            String denied = fds.denied().get(p.pid());
            if (denied != null) {
                unreadable.put(p.pid(), denied);
            }
            for (OpenFd fd : fds.open().getOrDefault(p.pid(), List.of())) {
                if (!selection.deleted() || fd.deleted()) {
                    rows.add(new FileRow(p.pid(), p.container(), p.user(), p.command(), fd));
                }
            }
        }
        if (selection.deleted()) {
            rows.sort(Comparator.comparingLong((FileRow r) -> r.fd().size()).reversed()
                    .thenComparingInt(FileRow::pid).thenComparingInt(r -> r.fd().fd()));
        }
        return new Result(rows, unreadable);
    }
}
