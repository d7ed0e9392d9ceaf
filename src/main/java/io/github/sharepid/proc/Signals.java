package io.github.sharepid.proc;

import io.github.sharepid.failure.SharepidException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a user's signal: a name with or without {@code SIG} in any case ({@code HUP}, {@code sigterm}),
 * {@code RTMIN[+n]} / {@code RTMAX[-n]}, or a number 0-64. Numbers are the Linux ones of x86 and arm64;
 * SIGRTMIN is 34 as glibc and procps show it (the kernel's 32 and 33 are reserved by glibc).
 */
public final class Signals {
    /** Names of signals 1-31, index = number - 1. */
    private static final List<String> NAMES = List.of("HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE",
            "KILL", "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP",
            "TTIN", "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS");
    private static final Map<String, Integer> ALIASES = Map.of("IOT", 6, "CLD", 17, "POLL", 29);
    private static final int RTMIN = 34;
    private static final int RTMAX = 64;
    private static final Pattern NUMBER = Pattern.compile("\\d{1,2}");
    private static final Pattern REALTIME = Pattern.compile("RTMIN(?:\\+(\\d{1,2}))?|RTMAX(?:-(\\d{1,2}))?");

    private Signals() {
    }

    /** @throws SharepidException (USAGE) for anything else, listing the valid names */
    public static Signal parse(String text) {
        if (NUMBER.matcher(text).matches() && Integer.parseInt(text) <= RTMAX) {
            return of(Integer.parseInt(text));
        }
        String name = text.toUpperCase(Locale.ROOT);
        name = name.startsWith("SIG") ? name.substring(3) : name;
        int index = NAMES.indexOf(name);
        if (index >= 0) {
            return of(index + 1);
        }
        if (ALIASES.containsKey(name)) {
            return of(ALIASES.get(name));
        }
        Matcher rt = REALTIME.matcher(name);
        if (rt.matches()) {
            int number = name.startsWith("RTMIN") ? RTMIN + offset(rt.group(1)) : RTMAX - offset(rt.group(2));
            if (number >= RTMIN && number <= RTMAX) {
                return of(number);
            }
        }
        throw SharepidException.usage("unknown signal \"" + Escapes.controlChars(text) + "\"; valid: "
                + String.join(" ", NAMES) + ", RTMIN[+n], RTMAX[-n] or a number 0-" + RTMAX);
    }

    /** The signal with this number, named as {@code kill -l} names it. */
    public static Signal of(int number) {
        if (number < 0 || number > RTMAX) {
            throw new IllegalArgumentException("signal number out of range: " + number);
        }
        if (number >= 1 && number <= NAMES.size()) {
            return new Signal(number, NAMES.get(number - 1));
        }
        if (number < RTMIN) {
            return new Signal(number, Integer.toString(number));
        }
        int middle = (RTMIN + RTMAX) / 2;
        String name = number == RTMIN ? "RTMIN" : number == RTMAX ? "RTMAX"
                : number <= middle ? "RTMIN+" + (number - RTMIN) : "RTMAX-" + (RTMAX - number);
        return new Signal(number, name);
    }

    private static int offset(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }
}
