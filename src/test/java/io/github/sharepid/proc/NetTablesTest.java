package io.github.sharepid.proc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * /proc/net/{tcp,tcp6,udp,udp6} as this machine's kernel (6.18, x86_64) writes them: recorded under
 * src/test/resources/proc/net while a test program held a listener on 127.0.0.1:40080 (inode 23254), one on
 * [::]:48080 (23255, dual stack), one on [::1]:53 (23256), UDP 0.0.0.0:40053 (23257) and [::1]:65000 (23258),
 * and a connection 127.0.0.1:57600 → :40080 (23259, accepted as 23261) and [::1]:60520 → [::1]:53 (23260).
 */
class NetTablesTest {
    private static String recorded(String file) throws IOException {
        try (InputStream in = NetTablesTest.class.getResourceAsStream("/proc/net/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static NetSocket byInode(List<NetSocket> sockets, long inode) {
        return sockets.stream().filter(s -> s.inode() == inode).findFirst().orElseThrow();
    }

    @Test
    void tcp_recorded_listenerAndBothEndsOfAConnection() throws IOException {
        List<NetSocket> tcp = NetTables.parse("tcp", recorded("tcp"));

        assertThat(byInode(tcp, 23254)).isEqualTo(new NetSocket("tcp", "127.0.0.1", 40080, "0.0.0.0", 0, "LISTEN",
                0, 23254));
        assertThat(byInode(tcp, 23259)).isEqualTo(new NetSocket("tcp", "127.0.0.1", 57600, "127.0.0.1", 40080,
                "ESTABLISHED", 0, 23259));
        assertThat(byInode(tcp, 23261).localPort()).isEqualTo(40080);
        assertThat(tcp).noneMatch(s -> s.local().isEmpty());
    }

    @Test
    void tcp6_recorded_anyLoopbackMappedAndTimeWait() throws IOException {
        List<NetSocket> tcp6 = NetTables.parse("tcp6", recorded("tcp6"));

        assertThat(byInode(tcp6, 23255)).isEqualTo(new NetSocket("tcp6", "::", 48080, "::", 0, "LISTEN", 0, 23255));
        assertThat(byInode(tcp6, 23256)).isEqualTo(new NetSocket("tcp6", "::1", 53, "::", 0, "LISTEN", 0, 23256));
        assertThat(byInode(tcp6, 23260)).extracting(NetSocket::local, NetSocket::remote, NetSocket::remotePort)
                .containsExactly("::1", "::1", 53);
        assertThat(tcp6).anySatisfy(s -> {
            assertThat(s.local()).isEqualTo("::ffff:127.0.0.1");
            assertThat(s.state()).isEqualTo("TIME_WAIT");
            assertThat(s.inode()).isZero();
        });
    }

    @Test
    void udp_recorded_unconnectedSocketsListen() throws IOException {
        NetSocket v4 = byInode(NetTables.parse("udp", recorded("udp")), 23257);
        NetSocket v6 = byInode(NetTables.parse("udp6", recorded("udp6")), 23258);

        assertThat(v4).isEqualTo(new NetSocket("udp", "0.0.0.0", 40053, "0.0.0.0", 0, "UNCONN", 0, 23257));
        assertThat(v6.local()).isEqualTo("::1");
        assertThat(v6.localPort()).isEqualTo(65000);
        assertThat(v4.listening()).isTrue();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "0100007F, 127.0.0.1",
        "00000000, 0.0.0.0",
        "0101A8C0, 192.168.1.1",
        "00000000000000000000000001000000, ::1",
        "00000000000000000000000000000000, ::",
        "0000000000000000FFFF00000100007F, ::ffff:127.0.0.1",
        "000080FE00000000FF57F90233A2E1FE, fe80::2f9:57ff:fee1:a233",
        "B80D0120000000000000000001000000, 2001:db8::1",
        "B80D0120000000000100000000000000, 2001:db8::1:0:0",
    })
    void address_littleEndianWords(String hex, String text) {
        assertThat(NetTables.address(hex)).isEqualTo(text);
    }

    @Test
    void line_highPortHighInodeAndUid() {
        NetSocket s = NetTables.line("tcp", "   7: 00000000:FFFF 00000000:0000 0A 00000000:00000000 00:00000000"
                + " 00000000  1000        0 4294967290 1 0000000000000000 100 0 0 10 0").orElseThrow();

        assertThat(s.localPort()).isEqualTo(65535);
        assertThat(s.inode()).isEqualTo(4_294_967_290L);
        assertThat(s.uid()).isEqualTo(1000);
    }

    @Test
    void line_headerAndTruncatedLines_areSkipped() {
        assertThat(NetTables.line("tcp", "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when")).isEmpty();
        assertThat(NetTables.line("tcp", "   0: 0100007F:9C90 00000000:0000 0A 0000")).isEmpty();
        assertThat(NetTables.line("tcp", "   0: 0100007F:9C9G 00000000:0000 0A 00000000:00000000 00:00000000 0 0 0 1"))
                .isEmpty();
    }

    @Test
    void endpoint_bracketsIpv6AndStarsPortZero() {
        assertThat(NetSocket.endpoint("::", 80)).isEqualTo("[::]:80");
        assertThat(NetSocket.endpoint("0.0.0.0", 0)).isEqualTo("0.0.0.0:*");
    }
}
