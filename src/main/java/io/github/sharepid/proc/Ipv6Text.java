package io.github.sharepid.proc;

/**
 * An IPv6 address in the text form of RFC 5952 ({@code ::1}, {@code fe80::1}), and IPv4-mapped addresses as
 * {@code ::ffff:127.0.0.1} (what a dual-stack listener on {@code ::} shows for an IPv4 peer).
 */
final class Ipv6Text {
    private Ipv6Text() {
    }

    static String format(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (bytes[2 * i] & 0xff) << 8 | bytes[2 * i + 1] & 0xff;
        }
        boolean mapped = groups[5] == 0xffff && groups[0] == 0 && groups[1] == 0 && groups[2] == 0
                && groups[3] == 0 && groups[4] == 0;
        if (mapped) {
            return "::ffff:" + NetTables.ipv4(bytes, 12);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
