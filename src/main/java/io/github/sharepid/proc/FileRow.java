package io.github.sharepid.proc;

/** One row of {@code kubectl sharepid files}: an open descriptor and the process (and container) holding it. */
public record FileRow(int pid, String container, String user, String command, OpenFd fd) {
}
