package io.github.sharepid.proc;

/**
 * One open file descriptor of a process, from {@code /proc/PID/fd/N}: what its link names and what the file
 * it leads to is (a {@code stat} through the link, which reaches a deleted file too).
 *
 * @param type    {@code file}, {@code dir}, {@code socket}, {@code pipe}, {@code anon_inode}, {@code device} or
 *                {@code other}
 * @param target  the link's text ({@code /var/log/app.log (deleted)}, {@code socket:[123]}); empty when unread
 * @param deleted a regular file whose last name is gone (link count 0), held open
 * @param size    bytes of a regular file, -1 for other types
 * @param inode   the inode the fd leads to (for a socket, the N of {@code socket:[N]})
 */
public record OpenFd(int pid, int fd, String type, String target, boolean deleted, long size, long inode) {
    private static final String DELETED_SUFFIX = " (deleted)";

    /** The target without the kernel's {@code (deleted)} suffix, control characters escaped. */
    public String path() {
        String path = deleted && target.endsWith(DELETED_SUFFIX)
                ? target.substring(0, target.length() - DELETED_SUFFIX.length()) : target;
        return Escapes.controlChars(path);
    }

    /** The type from the link text where it tells ({@code socket:[..]}), else from the mode's file-type bits. */
    static String type(String target, int mode) {
        if (target.startsWith("socket:[")) {
            return "socket";
        } else if (target.startsWith("pipe:[")) {
            return "pipe";
        } else if (target.startsWith("anon_inode:")) {
            return "anon_inode";
        }
        return switch (mode & 0xF000) {
            case 0x8000 -> "file";
            case 0x4000 -> "dir";
            case 0xC000 -> "socket";
            case 0x1000 -> "pipe";
            case 0x2000, 0x6000 -> "device";
            case 0 -> "anon_inode";
            default -> "other";
        };
    }
}
