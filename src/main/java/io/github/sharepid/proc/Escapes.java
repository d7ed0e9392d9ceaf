package io.github.sharepid.proc;

/**
 * Makes text from inside a container safe to print on a terminal: control and format characters
 * (newlines, ESC, bidi overrides) become visible escapes such as {@code \n} and {@code \x1b}.
 */
public final class Escapes {
    private Escapes() {
    }

    public static String controlChars(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String escape = escape(cp);
            if (escape != null && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                out.append(escape != null ? escape : Character.toString(cp));
            }
            i += Character.charCount(cp);
        }
        return out == null ? text : out.toString();
    }

    private static String escape(int cp) {
        switch (cp) {
            case '\n':
                return "\\n";
            case '\t':
                return "\\t";
            case '\r':
                return "\\r";
            default:
                break;
        }
        int type = Character.getType(cp);
        boolean unsafe = type == Character.CONTROL || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
        if (!unsafe) {
            return null;
        }
        return cp <= 0xff ? String.format("\\x%02x", cp) : String.format("\\u%04x", cp);
    }
}
