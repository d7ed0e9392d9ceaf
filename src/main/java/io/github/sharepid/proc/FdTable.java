package io.github.sharepid.proc;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The open file descriptors of a pod's processes, as {@link FdScript} read them.
 *
 * @param open   by PID, by fd number
 * @param denied the processes whose descriptors could not be read, with the reason ({@code Permission denied}):
 *               another user's process without SYS_PTRACE, or (not root, no CAP_DAC_OVERRIDE) an fd directory
 *               that cannot even be listed
 */
public record FdTable(SortedMap<Integer, List<OpenFd>> open, Map<Integer, String> denied) {
}
