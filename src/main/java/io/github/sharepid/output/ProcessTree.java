package io.github.sharepid.output;

import io.github.sharepid.proc.ProcessInfo;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Orders processes like {@code ps --forest}: each root (a process whose parent is not listed) by PID,
 * followed depth-first by its children by PID. Processes caught in a parent cycle become roots.
 */
final class ProcessTree {
    /** A process and how deep it sits under its root (0 for roots). */
    record Node(ProcessInfo process, int depth) {
        /** The COMMAND prefix of {@code ps --forest}: nothing for roots, then {@code " \_ "} indented by 4. */
        String prefix() {
            return depth == 0 ? "" : " " + "    ".repeat(depth - 1) + "\\_ ";
        }
    }

    private ProcessTree() {
    }

    static List<Node> order(List<ProcessInfo> processes) {
        Map<Integer, ProcessInfo> byPid = new TreeMap<>();
        processes.forEach(p -> byPid.put(p.pid(), p));
        Map<Integer, List<ProcessInfo>> children = new TreeMap<>();
        byPid.values().stream().filter(p -> p.ppid() != p.pid() && byPid.containsKey(p.ppid()))
                .forEach(p -> children.computeIfAbsent(p.ppid(), k -> new ArrayList<>()).add(p));
        List<Node> ordered = new ArrayList<>();
        Set<Integer> visited = new HashSet<>();
        byPid.values().stream().filter(p -> !byPid.containsKey(p.ppid()) || p.ppid() == p.pid())
                .forEach(root -> walk(root, children, visited, ordered));
        byPid.values().forEach(p -> walk(p, children, visited, ordered));
        return ordered;
    }

    private static void walk(ProcessInfo root, Map<Integer, List<ProcessInfo>> children, Set<Integer> visited,
                             List<Node> ordered) {
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(new Node(root, 0));
        while (!stack.isEmpty()) {
            Node node = stack.pop();
            if (!visited.add(node.process().pid())) {
                continue;
            }
            ordered.add(node);
            List<ProcessInfo> kids = new ArrayList<>(children.getOrDefault(node.process().pid(), List.of()));
            kids.sort(Comparator.comparingInt(ProcessInfo::pid).reversed());
            kids.forEach(kid -> stack.push(new Node(kid, node.depth() + 1)));
        }
    }
}
