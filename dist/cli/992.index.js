export const id = 992;
export const ids = [992];
export const modules = {

/***/ 48992:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CA: () => (/* binding */ byCodeUnits),
/* harmony export */   IC: () => (/* binding */ visibleCodePoint),
/* harmony export */   Q6: () => (/* binding */ visibleText),
/* harmony export */   W3: () => (/* binding */ CONTROL),
/* harmony export */   g$: () => (/* binding */ printable),
/* harmony export */   kH: () => (/* binding */ INVISIBLE)
/* harmony export */ });
/**
 * The characters that make untrusted text (span values, configuration, stored indexes) read as
 * something else, shared by the escapes of reports (report/escape.ts) and of logs (log.ts).
 */
/**
 * Control characters, line and paragraph separators, and the bidirectional controls (embeddings,
 * overrides, isolates, marks, U+061C): a newline ends a table row or starts a log line the runner reads
 * as a command, and a bidi override makes `txt.exe` read as `exe.txt`. They become spaces.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;
/**
 * Characters that show as nothing: zero-width spaces and joiners, the word joiner and invisible
 * operators, the soft hyphen, Hangul and Khmer fillers, Mongolian selectors, the byte-order mark, tag
 * characters. `admin` and `adm\u200Bin` would look the same; they are shown as `<U+200B>` instead.
 * (Variation selectors are left alone: they only choose how the character before them is drawn.)
 */
// The class lists code points one by one on purpose, the combining ones (U+034F, U+180B…) among them.
const INVISIBLE = 
// eslint-disable-next-line no-misleading-character-class
/[\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200d\u2060-\u2064\u206a-\u206f\u3164\ufeff\uffa0\ufff0-\ufff8\u{e0000}-\u{e007f}]/gu;
/** An invisible character written so that it can be seen: `<U+200B>`. */
function visibleCodePoint(c) {
    return `<U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}>`;
}
/** Untrusted text on one line, nothing hidden: controls become spaces, invisible characters `<U+…>`. */
function visibleText(text) {
    return text.replace(CONTROL, ' ').replace(INVISIBLE, visibleCodePoint);
}
/**
 * A message that quotes bytes of a file (a JSON parser's excerpt of a corrupt or binary input), made
 * printable: every control, invisible or undecodable character (U+FFFD) as `\xHH` / `\u{…}`, and cut.
 * An error line must not carry binary into the log, the terminal or the job summary.
 */
function printable(message, maxLength = 300) {
    const cut = message.length > maxLength ? `${message.slice(0, maxLength - 1)}…` : message;
    return (cut
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u001f\u007f-\u009f\ufffd\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/g, (c) => {
        const code = c.codePointAt(0);
        return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
    })
        .replace(INVISIBLE, (c) => `\\u{${c.codePointAt(0).toString(16)}}`));
}
/**
 * Strings in code-unit order. The diff's lists are ordered with this, not `localeCompare`: the same
 * result on every machine whatever its locale, and ~10× faster on the 150k call edges of a big diff.
 */
function byCodeUnits(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}


/***/ })

};
