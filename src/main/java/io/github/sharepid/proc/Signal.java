package io.github.sharepid.proc;

/**
 * A Linux signal as {@code kubectl sharepid signal} sends it: the number goes to the remote {@code kill}.
 *
 * @param name the canonical name without {@code SIG} ({@code HUP}, {@code RTMIN+3}), or the number for
 *             0 (existence check) and the glibc-reserved 32 and 33
 */
public record Signal(int number, String name) {
    @Override
    public String toString() {
        return Character.isDigit(name.charAt(0)) ? name : "SIG" + name + " (" + number + ")";
    }
}
