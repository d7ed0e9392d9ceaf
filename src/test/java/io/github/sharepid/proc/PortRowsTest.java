package io.github.sharepid.proc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Sockets joined with the processes holding them. */
class PortRowsTest {
    private static final NetSocket HTTP = new NetSocket("tcp", "0.0.0.0", 80, "0.0.0.0", 0, "LISTEN", 0, 4_294_967_296L);
    private static final NetSocket HTTP6 = new NetSocket("tcp6", "::", 80, "::", 0, "LISTEN", 0, 501);
    private static final NetSocket CONN = new NetSocket("tcp", "10.0.0.5", 80, "10.0.0.9", 51234, "ESTABLISHED", 101, 502);
    private static final NetSocket WAIT = new NetSocket("tcp", "10.0.0.5", 80, "10.0.0.9", 51200, "TIME_WAIT", 0, 0);
    private static final NetSocket DNS = new NetSocket("udp", "0.0.0.0", 53, "0.0.0.0", 0, "UNCONN", 1000, 503);

    private static ProcessInfo process(int pid, String container, String user, String command) {
        return new ProcessInfo(pid, 1, container, 0, user, "S", "S", 0, 0, Instant.EPOCH, 0, "x",
                List.of(command), 0);
    }

    private static final List<ProcessInfo> NGINX = List.of(process(8, "nginx", "root", "nginx: master process"),
            process(9, "nginx", "nginx", "nginx: worker process"));

    private static OpenFd socket(int pid, int fd, long inode) {
        return new OpenFd(pid, fd, "socket", "socket:[" + inode + "]", false, -1, inode);
    }

    private static FdReading reading(Map<Integer, String> denied, NetSocket... sockets) {
        TreeMap<Integer, List<OpenFd>> open = new TreeMap<>(Map.of(
                8, List.of(socket(8, 6, HTTP.inode()), socket(8, 7, 501)),
                9, List.of(socket(9, 6, HTTP.inode()), socket(9, 7, 501), socket(9, 3, 502)),
                77, List.of(socket(77, 3, 503))));
        return new FdReading(List.of(sockets), new FdTable(open, denied));
    }

    @Test
    void listening_oneRowPerHolder_sortedByProtoPortPid() {
        PortRows.Ports ports = PortRows.join(NGINX, reading(Map.of(), CONN, HTTP6, HTTP, WAIT), false);

        assertThat(ports.rows()).extracting(r -> r.socket().proto() + " " + r.owner() + " " + r.container() + " "
                + r.command()).containsExactly("tcp 8 nginx nginx: master process", "tcp 9 nginx nginx: worker process",
                "tcp6 8 nginx nginx: master process", "tcp6 9 nginx nginx: worker process");
        assertThat(ports.unreadable()).isEmpty();
    }

    @Test
    void all_keepsConnectionsAndOwnerlessTimeWait() {
        List<PortRow> rows = PortRows.join(NGINX, reading(Map.of(), CONN, WAIT), true).rows();

        assertThat(rows).extracting(PortRow::owner).containsExactly("-", "9");
        assertThat(rows.get(0).user()).isEqualTo("0");
    }

    @Test
    void holderOutsideTheListing_isNotAnOwner() {
        List<PortRow> rows = PortRows.join(NGINX, reading(Map.of(), DNS), false).rows();

        assertThat(rows).singleElement().extracting(PortRow::owner, PortRow::user).containsExactly("-", "1000");
    }

    @Test
    void unreadableProcesses_makeUnownedSocketsQuestionMarks_neverDropThem() {
        List<ProcessInfo> withDenied = new java.util.ArrayList<>(NGINX);
        withDenied.add(process(20, "app", "1000", "app"));

        PortRows.Ports ports = PortRows.join(withDenied, reading(Map.of(20, "Permission denied", 4242, "x"), DNS, HTTP),
                false);

        assertThat(ports.rows()).extracting(PortRow::owner).containsExactly("8", "9", "?");
        assertThat(ports.rows().get(2)).extracting(PortRow::pid, PortRow::container, PortRow::user)
                .containsExactly(null, "?", "1000");
        assertThat(ports.unreadable()).containsOnlyKeys(20);
    }

    /** The docs page's pod on the local cluster, read by the real script from container shell (SYS_PTRACE). */
    @Test
    void recorded_docsPod_nginxMasterAndWorkersHoldPort80() {
        byte[] raw = Fixtures.bytes("fds-docs-pod.bin");
        List<ProcessInfo> processes = Attribution.attribute(ProcParser.parse(raw), Fixtures.pod("fds-docs-pod.json"),
                "shell");

        PortRows.Ports ports = PortRows.join(processes, FdReading.parse(raw), false);

        assertThat(ports.rows()).extracting(r -> r.socket().proto() + " " + NetSocket.endpoint(r.socket().local(),
                r.socket().localPort()) + " " + r.owner() + " " + r.container() + " " + r.user()).containsExactly(
                "tcp 0.0.0.0:80 6 nginx root", "tcp 0.0.0.0:80 12 nginx nginx", "tcp 0.0.0.0:80 13 nginx nginx",
                "tcp6 [::]:80 6 nginx root", "tcp6 [::]:80 12 nginx nginx", "tcp6 [::]:80 13 nginx nginx");
        assertThat(ports.rows().get(0).command()).isEqualTo("nginx: master process nginx -g daemon off;");
        assertThat(ports.unreadable()).isEmpty();
    }
}
