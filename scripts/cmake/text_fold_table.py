#!/usr/bin/env python3
"""Writes the table of foldForSearch (src/core/text_fold.hpp) from Python's unicodedata.

Run by CMake at build time (CMakeLists.txt) into the build directory; the output is never
committed. Usage: text_fold_table.py OUT.cpp EXPECTED.txt

Why generated: case folding and accent removal for Latin, Greek, Cyrillic, Armenian, Georgian and
the width forms touch about 2,000 code points. Typed by hand such a table is wrong somewhere;
derived from the Unicode Character Database (casefold, canonical and compatibility
decompositions, character names) it is right by construction, and the few choices of our own
(HOUSE below) are listed where they can be read.

The rule for one code point c of the folded blocks (BLOCKS), the house choices first:
  1. width forms (U+FF01–U+FFEE): their <wide> or <narrow> decomposition, one step (full NFKC
     would go on to the conjoining jamo, which no one types), so "Ａ" is "A", half-width "ｶ" is
     "カ" (then "か", step 5) and "ﾡ" is "ㄱ";
  2. NFD, then the marks of REMOVED_MARKS are dropped (accents, tonos, dialytika, Vietnamese
     tones, Arabic tashkeel, Hebrew points); other marks stay, so the kana voicing mark of
     "ガ" = "カ" + U+3099 stays;
  3. full case folding (str.casefold: "ς" → "σ", "ẞ" → "ss", Mtavruli → Mkhedruli), then step 2
     again (casefold can bring back a decomposable letter);
  4. a Latin letter named "LATIN … LETTER X WITH …" that step 2 left whole (a stroke, a hook, a
     bar: "Ł", "Đ", "Ø", "ƀ") becomes x, and a Latin letter with a compatibility decomposition
     takes it ("ĳ" → "ij", "ǆ" → "dž" → "dz");
  5. katakana become hiragana ("トウキョウ" and half-width "ﾄｳｷｮｳ" → "とうきょう", "ガ" → "か" +
     U+3099), so a reader who types a name in either kana finds it.
Every code point an output contains is itself folded (closure), so folding is idempotent and a
letter reached by folding another ("ɓ" from "Ɓ") folds the same when typed directly.

Encoding (read by src/core/text_fold.cpp): runs of consecutive code points, each one 32-bit head
`first << 11 | (length - 1) << 3 | kind` (sorted, so a binary search on heads finds a code point's
run) and one 16-bit value (every code point folding produces is in the Basic Multilingual Plane):
  DELTA  c → value + (c - first) (Α…Ω → α…ω);
  CONST  c → value, or nothing when value is 0 (Ạ ạ Ả ả … → a; combining marks removed);
  PAIRS  upper and lower alternate from `first`: c → its pair's second code point (Ā ā Ă ă …);
  STRING c → the UTF-8 bytes at kStrings[value >> 4], (value & 0xF) bytes long ("ß" → "ss").
Six bytes a run: about 3.5 KB for the whole table, strings included.
"""

import re
import sys
import unicodedata

DELTA, CONST, PAIRS, STRING = 0, 1, 2, 3
MAX_RUN = 256

# Blocks whose letters are folded. Others (CJK, Hangul, Indic, Thai…) have no case and keep their
# characters: their marks are letters of the word, not accents.
BLOCKS = [
    (0x00A0, 0x024F),  # Latin-1 Supplement, Latin Extended-A and -B
    (0x0370, 0x03FF),  # Greek and Coptic
    (0x0400, 0x052F),  # Cyrillic, Cyrillic Supplement
    (0x0531, 0x058F),  # Armenian
    (0x0622, 0x0626),  # Arabic letters with hamza or madda → the bare letter (أ إ آ → ا)
    (0x06C0, 0x06D3),  # the same for Persian and Urdu (ۀ ۂ ۓ)
    (0x10A0, 0x10FF),  # Georgian
    (0x1C80, 0x1CBF),  # Cyrillic Extended-C, Georgian Extended (Mtavruli)
    (0x1E00, 0x1FFF),  # Latin Extended Additional (Vietnamese), Greek Extended (polytonic)
    (0x3040, 0x30FF),  # Hiragana, Katakana: voiced kana decomposed, to meet half-width ones
    (0xFB00, 0xFB17),  # Latin and Armenian ligatures
    (0xFF01, 0xFFEE),  # full-width ASCII, half-width katakana and Hangul, width symbols
]


def ranges(*pairs):
    return [c for first, last in pairs for c in range(first, last + 1)]


def unassigned_or_mark(c):
    return unicodedata.category(chr(c)) in ("Mn", "Cn")


# Marks a reader does not type: removed wherever they occur, precomposed (through NFD) or not.
REMOVED_MARKS = set(
    ranges((0x0300, 0x036F), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF), (0xFE20, 0xFE2F))
    # Hebrew points and cantillation (U+05BE maqaf, U+05C0, U+05C3, U+05C6 are punctuation)
    + [c for c in ranges((0x0591, 0x05C7)) if unassigned_or_mark(c)]
    # Arabic tashkeel, Quranic marks and the superscript alef: "جَامِعَة" is searched as "جامعة"
    + [c for c in ranges((0x0610, 0x061A), (0x064B, 0x065F), (0x0670, 0x0670), (0x06D6, 0x06ED))
       if unicodedata.category(chr(c)) == "Mn"]
)

# House choices, by code point: "" removes the character.
HOUSE = {
    # Typography a reader does not type: one plain form for each family.
    0x00AB: '"', 0x00BB: '"', 0x2039: '"', 0x203A: '"',
    0x201C: '"', 0x201D: '"', 0x201E: '"', 0x201F: '"', 0x2033: '"',
    0x2018: "'", 0x2019: "'", 0x201A: "'", 0x201B: "'", 0x2032: "'", 0x00B4: "'", 0x02BC: "'",
    0x2010: "-", 0x2011: "-", 0x2012: "-", 0x2013: "-", 0x2014: "-", 0x2015: "-", 0x2212: "-",
    0x2026: "...",
    # Invisible: soft hyphen, zero-width characters, direction marks and controls (a name holding
    # them is refused by the loaders, but a query pasted from elsewhere may carry them), word
    # joiner, byte order mark, and the replacement character (a trace of earlier damage).
    0x00AD: "", 0x200B: "", 0x200C: "", 0x200D: "", 0x200E: "", 0x200F: "", 0x061C: "",
    0x202A: "", 0x202B: "", 0x202C: "", 0x202D: "", 0x202E: "",
    0x2060: "", 0x2066: "", 0x2067: "", 0x2068: "", 0x2069: "", 0xFEFF: "", 0xFFFD: "",
    0x0640: "",  # Arabic tatweel: stretches a word, is not a letter of it
    # Latin letters without a "WITH" name or decomposition, as the explorer always folded them.
    0x00C6: "ae", 0x00E6: "ae", 0x0152: "oe", 0x0153: "oe", 0x00DE: "th", 0x00FE: "th",
    0x00D0: "d", 0x00F0: "d", 0x0131: "i", 0x0138: "k", 0x014A: "n", 0x014B: "n",
    0x0149: "n",  # ŉ: NFKD would give "ʼn", whose apostrophe no one types
    0x0140: "l", 0x013F: "l",  # ŀ Ŀ: NFKD would keep the middle dot
}
for c in REMOVED_MARKS:
    HOUSE[c] = ""

# Controls and spaces are handled before the table (text_fold.cpp): never in it.
SPACES = {0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, *range(0x2000, 0x200B)}

LATIN_WITH = re.compile(r"^LATIN (?:SMALL|CAPITAL) LETTER ([A-Z]) WITH ")


def strip(text):
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if ord(ch) not in REMOVED_MARKS)


def latin_letter(ch):
    name = unicodedata.name(ch, "")
    if not name.startswith("LATIN ") or not unicodedata.category(ch).startswith("L"):
        return ch
    match = LATIN_WITH.match(name)
    if match:
        return match.group(1).lower()
    compat = strip(unicodedata.normalize("NFKD", ch))
    if compat != ch and all(ord(x) < 0x80 or unicodedata.name(x, "").startswith("LATIN ") for x in compat):
        return compat.casefold()
    return ch


def fold_char(c):
    """What foldForSearch makes of code point c alone (without the space rules)."""
    if c < 0x80:
        return chr(c).lower() if 0x20 <= c < 0x7F else ""
    if c < 0xA0:
        return ""  # C1 controls
    if c in HOUSE:
        return HOUSE[c]
    text = chr(c)
    if 0xFF01 <= c <= 0xFFEE:
        tag, _, code = unicodedata.decomposition(text).partition(" ")
        if tag in ("<wide>", "<narrow>") and code and " " not in code:
            text = chr(int(code, 16))
    text = strip(text).casefold()
    text = strip(text)
    text = "".join(latin_letter(ch) for ch in text)
    out = ""
    for ch in text:  # the house choices apply to what the rules produce, too ("Ǣ" → "æ" → "ae")
        out += HOUSE.get(ord(ch), ch) if ord(ch) != c else ch
    return "".join(hiragana_of(ch) for ch in out)


def hiragana_of(ch):
    """Katakana as hiragana (step 5): the same syllables in the two kana, as Japanese dictionaries
    and search engines treat them. Katakana with no hiragana twin (ヷ ヸ ヹ ヺ, the prolonged sound
    mark ー, small ㇰ…) stay."""
    o = ord(ch)
    return chr(o - 0x60) if 0x30A1 <= o <= 0x30F6 or o in (0x30FD, 0x30FE) else ch


def build():
    mapping = {}
    pending = [c for first, last in BLOCKS for c in range(first, last + 1)] + sorted(HOUSE)
    seen = set()
    while pending:
        c = pending.pop()
        if c in seen or c < 0x80 or c in SPACES or 0xD800 <= c <= 0xDFFF:
            continue
        seen.add(c)
        folded = fold_char(c)
        if folded == chr(c):
            continue
        mapping[c] = folded
        # Closure: what folding produces, and the letters it passes through ("ɓ" from "Ɓ" on the
        # way to "b"), fold too, so typing them finds what they come from.
        pending.extend(ord(ch) for ch in folded + strip(strip(chr(c)).casefold()))
    # Idempotence, checked here rather than hoped for.
    for c, folded in mapping.items():
        for ch in folded:
            o = ord(ch)
            assert o not in SPACES and (o >= 0x20 and o != 0x7F), (hex(c), folded)
            assert o not in mapping, ("not idempotent", hex(c), folded, hex(o), mapping.get(o))
            assert not ("A" <= ch <= "Z"), (hex(c), folded)
    return mapping


def target_of(mapping, c):
    return mapping.get(c, chr(c))


def encode(mapping):
    runs = []  # (first, length, kind, value)
    strings = bytearray()
    string_at = {}
    cps = sorted(mapping)
    i = 0
    while i < len(cps):
        c = cps[i]
        out = mapping[c]
        best = None
        if len(out) == 1:
            delta = ord(out) - c
            n = 1
            while n < MAX_RUN and (c + n) in mapping and len(mapping[c + n]) == 1 and ord(mapping[c + n]) - (c + n) == delta:
                n += 1
            best = (n, DELTA, ord(out))
            n = 1
            while n < MAX_RUN and mapping.get(c + n) == out:
                n += 1
            if n > best[0]:
                best = (n, CONST, ord(out))
            if ord(out) == c + 1:
                n = 0
                while n < MAX_RUN:
                    upper = c + n
                    if target_of(mapping, upper) != chr(upper + 1):
                        break
                    if n + 1 < MAX_RUN and target_of(mapping, upper + 1) == chr(upper + 1):
                        n += 2
                    else:
                        n += 1
                        break
                if n > best[0]:
                    best = (n, PAIRS, 0)
        elif out == "":
            n = 1
            while n < MAX_RUN and mapping.get(c + n) == "":
                n += 1
            best = (n, CONST, 0)
        else:
            data = out.encode("utf-8")
            if data not in string_at:
                string_at[data] = len(strings)
                strings += data
            n = 1
            while n < MAX_RUN and mapping.get(c + n) == out:
                n += 1
            best = (n, STRING, string_at[data] << 4 | len(data))
        length, kind, value = best
        runs.append((c, length, kind, value))
        covered = set(range(c, c + length))
        while i < len(cps) and cps[i] in covered:
            i += 1
    return runs, bytes(strings)


def decode(runs, strings, c):
    for first, length, kind, value in runs:
        if first <= c < first + length:
            if kind == DELTA:
                return chr(value + (c - first))
            if kind == CONST:
                return chr(value) if value else ""
            if kind == PAIRS:
                return chr(first + ((c - first) | 1))
            return strings[value >> 4:(value >> 4) + (value & 0xF)].decode("utf-8")
    return chr(c)


def main():
    out_cpp, out_expected = sys.argv[1], sys.argv[2]
    mapping = build()
    runs, strings = encode(mapping)
    for c, folded in mapping.items():  # the encoding gives back every mapping
        assert decode(runs, strings, c) == folded, (hex(c), folded)
    assert len(strings) < (1 << 12) and all(0 <= value < (1 << 16) for _, _, _, value in runs)
    assert all(len(folded.encode("utf-8")) < 16 for folded in mapping.values())
    heads = [first << 11 | (length - 1) << 3 | kind for first, length, kind, value in runs]
    assert heads == sorted(heads)
    lines = [
        f"// Generated by scripts/cmake/text_fold_table.py from the Unicode {unicodedata.unidata_version} data",
        "// of Python's unicodedata. Do not edit: change the generator.",
        '#include "core/text_fold_table.hpp"',
        "",
        "namespace explorer::fold_table {",
        "",
        f"const std::size_t kRunCount = {len(runs)};",
        "const std::uint32_t kRunHeads[] = {",
    ]
    for k in range(0, len(heads), 8):
        lines.append("    " + " ".join(f"0x{h:08X}u," for h in heads[k:k + 8]))
    lines.append("};")
    lines.append("const std::uint16_t kRunValues[] = {")
    values = [value for _, _, _, value in runs]
    for k in range(0, len(values), 10):
        lines.append("    " + " ".join(f"{v}," for v in values[k:k + 10]))
    lines.append("};")
    escaped = "".join(f"\\x{b:02X}" for b in strings)
    lines.append(f'const char kStrings[] = "{escaped}";')
    lines.append(f'const char kUnicodeVersion[] = "{unicodedata.unidata_version}";')
    lines.append("")
    lines.append("} // namespace explorer::fold_table")
    with open(out_cpp, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    # Every folded code point and what it folds to, for tests/core/text_fold_test.cpp.
    with open(out_expected, "w", encoding="utf-8") as f:
        for c in sorted(mapping):
            f.write(f"{c:X} {' '.join(f'{ord(ch):X}' for ch in mapping[c])}\n")
    print(f"text_fold_table: {len(mapping)} code points in {len(runs)} runs, {len(strings)} bytes of strings",
          file=sys.stderr)


if __name__ == "__main__":
    main()
