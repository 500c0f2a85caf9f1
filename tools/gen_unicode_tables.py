#!/usr/bin/env python3
"""Generate runtime/objects/unicode_tables.c/.h from the running python3's
unicodedata (the oracle: CPython 3.11, Unicode 14.0.0).

Tables produced:
  * XID_Start / XID_Continue as sorted code point ranges (what
    str.isidentifier uses), for the tokenizer's identifier check;
  * "printable" ranges exactly as str.isprintable, for repr(str);
  * the character name database used by \\N{NAME} escapes: names split into
    space-separated words, words numbered by frequency (1 byte for the 128
    most frequent, 2 bytes otherwise), one record per name
    [nbytes][cp: 3 bytes][word codes...]; algorithmic names
    ("CJK UNIFIED IDEOGRAPH-4E00", ...) as prefix ranges; Hangul syllables
    from jamo short names (derived here from unicodedata); name aliases
    (NameAliases.txt, as CPython accepts them in \\N{}) taken from a copy of
    the Unicode data on this machine (perl's unicore/Name.pl by default)
    and kept only when python3 itself accepts them in a \\N{} escape;
  * NFKC data for identifiers (CPython normalizes non-ASCII names):
    full compatibility decompositions (Hangul syllables excluded: they are
    algorithmic), canonical combining classes, and the primary composites
    (pairs whose composition NFC does not exclude);
  * decoding tables (bytes 0x80..0xFF) of the single-byte codecs a PEP 263
    coding cookie may name, with every alias python3's encodings package
    knows for them (utf-8, latin-1 and ascii are handled in C);
  * character types for str's case and class methods: one record per
    distinct (flags, decimal, digit, upper, lower, title, fold) tuple, found
    through a two-level index (index1[cp >> SHIFT] selects a block of
    index2, SHIFT chosen to make both smallest).  Every property is read off
    python3's own str methods on one- and two-character strings, so the
    table reproduces them exactly, special casing included:
      alpha/decimal/digit/numeric/space  chr(c).isalpha() ... .isspace();
      title      unicodedata.category(c) == 'Lt';
      upper      not ('a' + c).islower()   (for non-titlecase c);
      lower      not ('A' + c).isupper()   (for non-titlecase c);
      cased      (c + 'a').title() ends in 'a' (title() lowers after a
                 cased character);
      case-ignorable  from final sigma: (c + 'Σ').lower() ends in 'ς' iff
                 c is cased and not ignorable, ('A' + c + 'Σ').lower() iff
                 c is ignorable or cased;
      upper/lower/title/fold mappings  chr(c).upper() / .lower() /
                 .title() / .casefold(), stored as a code point delta when
                 one character long, else as an index into a pool of
                 [length, code points...] (flag CASE_EXT_*);
      decimal/digit values  unicodedata.decimal / .digit (-1: none).

Usage: tools/gen_unicode_tables.py [--aliases PATH] [OUTDIR]
python3 is needed only to regenerate; the generated C is committed.
"""
import argparse
import collections
import glob
import os
import re
import sys
import unicodedata

MAXCP = 0x110000


def ranges(pred):
    out = []
    start = None
    for cp in range(MAXCP):
        ok = pred(cp)
        if ok and start is None:
            start = cp
        elif not ok and start is not None:
            out.append((start, cp - 1))
            start = None
    if start is not None:
        out.append((start, MAXCP - 1))
    return out


def is_xid_start(cp):
    c = chr(cp)
    return c != "_" and c.isidentifier()


def is_xid_continue(cp):
    return ("a" + chr(cp)).isidentifier()


def is_printable(cp):
    return chr(cp).isprintable()


def read_alias_candidates(path):
    """Pairs (cp, name) from a Name.pl-style file: blocks 'HEX\\nNAME\\n'."""
    out = []
    if not path or not os.path.exists(path):
        return out
    text = open(path, encoding="utf-8").read()
    for m in re.finditer(r"^([0-9A-F]{4,6})\n([A-Z0-9][A-Z0-9 ()\-]*)$", text, re.M):
        out.append((int(m.group(1), 16), m.group(2)))
    return out


def python_accepts_escape(name, cp):
    try:
        v = eval('"\\N{%s}"' % name)
    except SyntaxError:
        return False
    return v == chr(cp)


# Single-byte codecs with a table; utf-8 / latin-1 / ascii have code.
CHARMAPS = ["cp1252", "cp1250", "cp1251", "koi8_r", "koi8_u", "cp437", "cp850", "cp866",
            "mac_roman", "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_5", "iso8859_6",
            "iso8859_7", "iso8859_8", "iso8859_9", "iso8859_10", "iso8859_13", "iso8859_14",
            "iso8859_15", "iso8859_16"]
BUILTIN = {"utf_8": "utf-8", "latin_1": "iso-8859-1", "ascii": "ascii"}


def codec_aliases():
    """(normalized alias, codec) pairs; codec is a CHARMAPS entry or a
    BUILTIN key."""
    import encodings.aliases
    targets = set(CHARMAPS) | set(BUILTIN)
    out = {t: t for t in targets}
    for alias, target in encodings.aliases.aliases.items():
        if target in targets:
            out[alias] = target
    return sorted(out.items())


def charmap_table(name):
    tab = []
    for b in range(256):
        try:
            u = bytes([b]).decode(name)
            assert len(u) == 1
            tab.append(ord(u))
        except UnicodeDecodeError:
            tab.append(0xFFFF)
    assert tab[:128] == list(range(128)), name
    return tab[128:]


def nfkc_tables():
    decomp = []  # (cp, [cps])
    for cp in range(MAXCP):
        if 0xAC00 <= cp <= 0xD7A3:
            continue
        d = unicodedata.normalize("NFKD", chr(cp))
        if d != chr(cp):
            decomp.append((cp, [ord(c) for c in d]))
    ccc = []  # (lo, hi, class) runs of equal non-zero classes
    for cp in range(MAXCP):
        c = unicodedata.combining(chr(cp))
        if c:
            if ccc and ccc[-1][1] == cp - 1 and ccc[-1][2] == c:
                ccc[-1] = (ccc[-1][0], cp, c)
            else:
                ccc.append((cp, cp, c))
    comp = []
    for cp in range(MAXCP):
        dec = unicodedata.decomposition(chr(cp))
        if dec and not dec.startswith("<"):
            parts = [int(x, 16) for x in dec.split()]
            if len(parts) == 2 and unicodedata.normalize("NFC", chr(parts[0]) + chr(parts[1])) == chr(cp):
                comp.append((parts[0], parts[1], cp))
    comp.sort()
    return decomp, ccc, comp


CT_FLAGS = ["ALPHA", "DECIMAL", "DIGIT", "NUMERIC", "SPACE", "LOWER", "UPPER", "TITLE",
            "CASED", "CASE_IGNORABLE", "EXT_UPPER", "EXT_LOWER", "EXT_TITLE", "EXT_FOLD"]
CT_BIT = {n: 1 << i for i, n in enumerate(CT_FLAGS)}


def ctype_record(cp, pool, pool_index):
    c = chr(cp)
    fl = 0
    for name, pred in (("ALPHA", c.isalpha), ("DECIMAL", c.isdecimal), ("DIGIT", c.isdigit),
                       ("NUMERIC", c.isnumeric), ("SPACE", c.isspace)):
        if pred():
            fl |= CT_BIT[name]
    title = unicodedata.category(c) == "Lt"
    if title:
        fl |= CT_BIT["TITLE"]
    else:
        if not ("a" + c).islower():
            fl |= CT_BIT["UPPER"]
        if not ("A" + c).isupper():
            fl |= CT_BIT["LOWER"]
    cased = (c + "a").title()[-1] == "a"
    if cased:
        fl |= CT_BIT["CASED"]
        ignorable = not (c + "\u03a3").lower().endswith("\u03c2")
    else:
        ignorable = ("A" + c + "\u03a3").lower().endswith("\u03c2")
    if ignorable:
        fl |= CT_BIT["CASE_IGNORABLE"]
    maps = []
    for name, m in (("UPPER", c.upper()), ("LOWER", c.lower()), ("TITLE", c.title()),
                    ("FOLD", c.casefold())):
        if len(m) == 1:
            maps.append(ord(m) - cp)
        else:
            assert 1 < len(m) <= 3, (cp, name, m)
            key = tuple(ord(x) for x in m)
            if key not in pool_index:
                pool_index[key] = len(pool)
                pool.extend((len(key),) + key)
            maps.append(pool_index[key])
            fl |= CT_BIT["EXT_" + name]
    dec = unicodedata.decimal(c, -1)
    dig = unicodedata.digit(c, -1)
    return (fl, dec, dig) + tuple(maps)


def split_bins(t):
    """(index1, index2, shift) with t[i] == index2[(index1[i >> shift] <<
    shift) + (i & mask)], the shift that minimizes the bytes of both."""
    best = None
    for shift in range(1, 14):
        size = 1 << shift
        blocks = {}
        index1 = []
        index2 = []
        for i in range(0, len(t), size):
            blk = tuple(t[i:i + size])
            if blk not in blocks:
                blocks[blk] = len(blocks)
                index2.extend(blk)
            index1.append(blocks[blk])
        cost = len(index1) * (1 if len(blocks) < 256 else 2) + len(index2) * 2
        if best is None or cost < best[0]:
            best = (cost, index1, index2, shift)
    return best[1], best[2], best[3]


def ctype_tables():
    pool = []
    pool_index = {}
    recs = {}
    per_cp = []
    for cp in range(MAXCP):
        r = ctype_record(cp, pool, pool_index)
        if r not in recs:
            recs[r] = len(recs)
        per_cp.append(recs[r])
    records = sorted(recs, key=recs.get)
    assert len(records) < 65536
    index1, index2, shift = split_bins(per_cp)
    return records, pool, index1, index2, shift


def emit_ctype(f, records, pool, index1, index2, shift):
    f.write("const wfo_uni_ctype wfo_uni_ctypes[%d] = {\n" % len(records))
    for fl, dec, dig, up, lo, ti, fo in records:
        f.write("    {%d, %d, %d, %d, 0x%X, %d, %d},\n" % (up, lo, ti, fo, fl, dec, dig))
    f.write("};\n\n")
    f.write("const uint32_t wfo_uni_case_ext[%d] = {\n" % len(pool))
    for i in range(0, len(pool), 12):
        f.write("    " + ",".join("0x%X" % x for x in pool[i:i + 12]) + ",\n")
    f.write("};\n\n")
    t1 = "uint8_t" if max(index1) < 256 else "uint16_t"
    f.write("const %s wfo_uni_ctype_index1[%d] = {\n" % (t1, len(index1)))
    for i in range(0, len(index1), 24):
        f.write("    " + ",".join(str(x) for x in index1[i:i + 24]) + ",\n")
    f.write("};\n\n")
    f.write("const uint16_t wfo_uni_ctype_index2[%d] = {\n" % len(index2))
    for i in range(0, len(index2), 24):
        f.write("    " + ",".join(str(x) for x in index2[i:i + 24]) + ",\n")
    f.write("};\n\n")
    return t1


def emit_ranges(f, cname, rs):
    f.write("const uint32_t %s[][2] = {\n" % cname)
    for lo, hi in rs:
        f.write("    {0x%X, 0x%X},\n" % (lo, hi))
    f.write("};\nconst size_t %s_count = %d;\n\n" % (cname, len(rs)))


def c_bytes(f, cname, data):
    f.write("const uint8_t %s[%d] = {\n" % (cname, len(data)))
    for i in range(0, len(data), 24):
        f.write("    " + ",".join(str(b) for b in data[i:i + 24]) + ",\n")
    f.write("};\n\n")


def main():
    ap = argparse.ArgumentParser()
    default_alias = sorted(glob.glob("/usr/share/perl/*/unicore/Name.pl"))
    ap.add_argument("--aliases", default=default_alias[-1] if default_alias else None)
    ap.add_argument("outdir", nargs="?", default=os.path.normpath(os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "runtime", "objects")))
    args = ap.parse_args()

    xs = ranges(is_xid_start)
    xc = ranges(is_xid_continue)
    pr = ranges(is_printable)

    # --- names -------------------------------------------------------------
    names = []  # (cp, name)
    algo = collections.OrderedDict()  # prefix -> list of cps
    hangul = []
    for cp in range(MAXCP):
        n = unicodedata.name(chr(cp), None)
        if n is None:
            continue
        m = re.fullmatch(r"(.*)-([0-9A-F]{4,6})", n)
        if m and int(m.group(2), 16) == cp:
            algo.setdefault(m.group(1), []).append(cp)
            continue
        if n.startswith("HANGUL SYLLABLE ") and 0xAC00 <= cp <= 0xD7A3:
            hangul.append(cp)
            continue
        names.append((cp, n))
    # Algorithmic prefixes as contiguous runs.
    algo_ranges = []
    for prefix, cps in algo.items():
        start = prev = cps[0]
        for cp in cps[1:] + [None]:
            if cp is not None and cp == prev + 1:
                prev = cp
                continue
            algo_ranges.append((prefix, start, prev))
            if cp is not None:
                start = prev = cp
    # Hangul jamo short names, derived from the syllable names.
    assert len(hangul) == 11172
    pre = "HANGUL SYLLABLE "
    tnames = [unicodedata.name(chr(0xAC00 + t))[len(pre) + 2:] for t in range(28)]  # "GA" + T
    vnames = [unicodedata.name(chr(0xAC00 + v * 28))[len(pre) + 1:] for v in range(21)]  # "G" + V
    lnames = [unicodedata.name(chr(0xAC00 + l * 588))[len(pre):-1] for l in range(19)]  # L + "A"
    for s in range(11172):
        l, v, t = s // 588, (s % 588) // 28, s % 28
        assert unicodedata.name(chr(0xAC00 + s)) == pre + lnames[l] + vnames[v] + tnames[t]

    known = set(n for _, n in names)
    aliases = []
    for cp, n in read_alias_candidates(args.aliases):
        if n in known or unicodedata.name(chr(cp), None) == n:
            continue
        if python_accepts_escape(n, cp):
            aliases.append((cp, n))
            known.add(n)
    all_names = names + aliases

    freq = collections.Counter(w for _, n in all_names for w in n.split(" "))
    words = [w for w, _ in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))]
    assert len(words) < 128 + 128 * 256
    code = {w: i for i, w in enumerate(words)}

    def enc(i):
        return bytes([i]) if i < 128 else bytes([0x80 | ((i - 128) >> 8), (i - 128) & 0xFF])

    word_blob = bytearray()
    word_off = []
    for w in words:
        word_off.append(len(word_blob))
        word_blob += w.encode("ascii")
    word_off.append(len(word_blob))
    alpha = sorted(range(len(words)), key=lambda i: words[i])

    rec = bytearray()
    for cp, n in all_names:
        body = b"".join(enc(code[w]) for w in n.split(" "))
        assert len(body) < 256
        rec += bytes([len(body), cp >> 16, (cp >> 8) & 0xFF, cp & 0xFF]) + body

    ct_records, ct_pool, ct_index1, ct_index2, ct_shift = ctype_tables()
    ct_t1 = "uint8_t" if max(ct_index1) < 256 else "uint16_t"

    hpath = os.path.join(args.outdir, "unicode_tables.h")
    cpath = os.path.join(args.outdir, "unicode_tables.c")
    with open(hpath, "w") as f:
        f.write("""/*
 * runtime/objects/unicode_tables.h — GENERATED by tools/gen_unicode_tables.py
 * from python3's unicodedata (Unicode %s).  Do not edit; regenerate.
 *
 * Range tables are sorted, disjoint, inclusive [lo, hi] pairs.  The name
 * tables are described in the generator; unicode.c / literals.c read them
 * through wfo_uni_* functions (runtime/objects/unicode_db.h).
 */
#ifndef WEFT_OBJECTS_UNICODE_TABLES_H
#define WEFT_OBJECTS_UNICODE_TABLES_H
#include <stddef.h>
#include <stdint.h>

#define WFO_UNICODE_VERSION "%s"

extern const uint32_t wfo_uni_xid_start[][2];
extern const size_t wfo_uni_xid_start_count;
extern const uint32_t wfo_uni_xid_continue[][2];
extern const size_t wfo_uni_xid_continue_count;
extern const uint32_t wfo_uni_printable[][2];
extern const size_t wfo_uni_printable_count;

/* Name words: word i is wfo_uni_word_blob[off[i] .. off[i+1]). */
extern const uint8_t wfo_uni_word_blob[];
extern const uint32_t wfo_uni_word_off[];
extern const size_t wfo_uni_word_count;
/* Word numbers sorted by the word's text (for binary search). */
extern const uint16_t wfo_uni_word_alpha[];
/* Name records: [nbytes][cp >> 16][cp >> 8][cp] then nbytes of word codes
 * (code < 128: one byte; else two: 0x80 | (n-128) >> 8, (n-128) & 0xFF). */
extern const uint8_t wfo_uni_name_records[];
extern const size_t wfo_uni_name_records_len;

/* Algorithmic names PREFIX-HEX for first..last. */
typedef struct wfo_uni_algo_range { const char *prefix; uint32_t first, last; } wfo_uni_algo_range;
extern const wfo_uni_algo_range wfo_uni_algo_ranges[];
extern const size_t wfo_uni_algo_range_count;

/* Hangul syllables U+AC00..U+D7A3: "HANGUL SYLLABLE " + L + V + T. */
extern const char *const wfo_uni_jamo_l[19];
extern const char *const wfo_uni_jamo_v[21];
extern const char *const wfo_uni_jamo_t[28];

/* NFKC: full compatibility decomposition of cp (sorted by cp; Hangul
 * syllables are algorithmic) as pool[start .. start+len); canonical
 * combining classes (non-zero runs); primary composites sorted by
 * (first, second). */
typedef struct wfo_uni_decomp_entry { uint32_t cp; uint16_t start; uint8_t len; } wfo_uni_decomp_entry;
extern const wfo_uni_decomp_entry wfo_uni_decomp[];
extern const size_t wfo_uni_decomp_count;
extern const uint32_t wfo_uni_decomp_pool[];
typedef struct wfo_uni_ccc_range { uint32_t lo, hi; uint8_t ccc; } wfo_uni_ccc_range;
extern const wfo_uni_ccc_range wfo_uni_ccc[];
extern const size_t wfo_uni_ccc_count;
typedef struct wfo_uni_comp_entry { uint32_t first, second, composite; } wfo_uni_comp_entry;
extern const wfo_uni_comp_entry wfo_uni_comp[];
extern const size_t wfo_uni_comp_count;

/* Single-byte codecs for PEP 263 cookies: table[b - 0x80] is the code
 * point of byte b (0xFFFF: undefined).  Aliases are normalized names
 * (lower case, runs of other characters than [a-z0-9.] as one '_');
 * codec >= 0 indexes wfo_uni_charmaps, -1 is utf-8, -2 latin-1, -3 ascii. */
extern const uint16_t wfo_uni_charmaps[][128];
typedef struct wfo_uni_codec_alias { const char *alias, *canonical; int codec; } wfo_uni_codec_alias;
extern const wfo_uni_codec_alias wfo_uni_codec_aliases[];
extern const size_t wfo_uni_codec_alias_count;

/* Character types (str's case and class methods): record
 * wfo_uni_ctypes[index2[(index1[cp >> WFO_UNI_CTYPE_SHIFT] <<
 * WFO_UNI_CTYPE_SHIFT) + (cp & mask)]].  upper/lower/title/fold are the
 * code point delta of a one-character mapping, or, when the flag
 * WFO_UNI_EXT_* is set, an index into wfo_uni_case_ext where the mapping
 * is stored as [length, code points...].  decimal/digit: -1 if none. */
%s
typedef struct wfo_uni_ctype {
    int32_t upper, lower, title, fold;
    uint16_t flags;
    int8_t decimal, digit;
} wfo_uni_ctype;
#define WFO_UNI_CTYPE_SHIFT %d
extern const wfo_uni_ctype wfo_uni_ctypes[];
extern const uint32_t wfo_uni_case_ext[];
extern const %s wfo_uni_ctype_index1[];
extern const uint16_t wfo_uni_ctype_index2[];

#endif
""" % (unicodedata.unidata_version, unicodedata.unidata_version,
       "\n".join("#define WFO_UNI_%s 0x%X" % (n, CT_BIT[n]) for n in CT_FLAGS),
       ct_shift, ct_t1))
    with open(cpath, "w") as f:
        f.write("/* GENERATED by tools/gen_unicode_tables.py from python3's unicodedata\n"
                " * (Unicode %s): %d named code points, %d aliases, %d words.\n"
                " * Do not edit; regenerate.  See unicode_tables.h. */\n"
                % (unicodedata.unidata_version, len(names), len(aliases), len(words)))
        f.write('#include "runtime/objects/unicode_tables.h"\n\n')
        emit_ranges(f, "wfo_uni_xid_start", xs)
        emit_ranges(f, "wfo_uni_xid_continue", xc)
        emit_ranges(f, "wfo_uni_printable", pr)
        c_bytes(f, "wfo_uni_word_blob", word_blob)
        f.write("const uint32_t wfo_uni_word_off[%d] = {\n" % len(word_off))
        for i in range(0, len(word_off), 12):
            f.write("    " + ",".join(str(x) for x in word_off[i:i + 12]) + ",\n")
        f.write("};\nconst size_t wfo_uni_word_count = %d;\n\n" % len(words))
        f.write("const uint16_t wfo_uni_word_alpha[%d] = {\n" % len(alpha))
        for i in range(0, len(alpha), 16):
            f.write("    " + ",".join(str(x) for x in alpha[i:i + 16]) + ",\n")
        f.write("};\n\n")
        c_bytes(f, "wfo_uni_name_records", rec)
        f.write("const size_t wfo_uni_name_records_len = %d;\n\n" % len(rec))
        f.write("const wfo_uni_algo_range wfo_uni_algo_ranges[] = {\n")
        for p, a, b in algo_ranges:
            f.write('    {"%s", 0x%X, 0x%X},\n' % (p, a, b))
        f.write("};\nconst size_t wfo_uni_algo_range_count = %d;\n\n" % len(algo_ranges))
        decomp, ccc, comp = nfkc_tables()
        pool = []
        f.write("const wfo_uni_decomp_entry wfo_uni_decomp[] = {\n")
        for cp, d in decomp:
            f.write("    {0x%X, %d, %d},\n" % (cp, len(pool), len(d)))
            pool += d
        f.write("};\nconst size_t wfo_uni_decomp_count = %d;\n\n" % len(decomp))
        f.write("const uint32_t wfo_uni_decomp_pool[] = {\n")
        for i in range(0, len(pool), 10):
            f.write("    " + ",".join("0x%X" % x for x in pool[i:i + 10]) + ",\n")
        f.write("};\n\n")
        f.write("const wfo_uni_ccc_range wfo_uni_ccc[] = {\n")
        for lo, hi, c in ccc:
            f.write("    {0x%X, 0x%X, %d},\n" % (lo, hi, c))
        f.write("};\nconst size_t wfo_uni_ccc_count = %d;\n\n" % len(ccc))
        f.write("const wfo_uni_comp_entry wfo_uni_comp[] = {\n")
        for a, b, c in comp:
            f.write("    {0x%X, 0x%X, 0x%X},\n" % (a, b, c))
        f.write("};\nconst size_t wfo_uni_comp_count = %d;\n\n" % len(comp))
        f.write("const uint16_t wfo_uni_charmaps[%d][128] = {\n" % len(CHARMAPS))
        for name in CHARMAPS:
            tab = charmap_table(name)
            f.write("    /* %s */ {\n" % name)
            for i in range(0, 128, 16):
                f.write("        " + ",".join("0x%04X" % x for x in tab[i:i + 16]) + ",\n")
            f.write("    },\n")
        f.write("};\n\n")
        al = codec_aliases()
        f.write("const wfo_uni_codec_alias wfo_uni_codec_aliases[] = {\n")
        for alias, target in al:
            idx = CHARMAPS.index(target) if target in CHARMAPS else -1 - list(BUILTIN).index(target)
            f.write('    {"%s", "%s", %d},\n' % (alias, BUILTIN.get(target, target), idx))
        f.write("};\nconst size_t wfo_uni_codec_alias_count = %d;\n\n" % len(al))
        emit_ctype(f, ct_records, ct_pool, ct_index1, ct_index2, ct_shift)
        for nm, arr in (("l", lnames), ("v", vnames), ("t", tnames)):
            f.write("const char *const wfo_uni_jamo_%s[%d] = {%s};\n"
                    % (nm, len(arr), ", ".join('"%s"' % x for x in arr)))
    print("wrote %s, %s: %d names, %d aliases, %d words, %d record bytes, %d algo ranges"
          % (hpath, cpath, len(names), len(aliases), len(words), len(rec), len(algo_ranges)))
    print("ctype: %d records, %d case-pool entries, index1 %d x %s, index2 %d, shift %d"
          % (len(ct_records), len(ct_pool), len(ct_index1), ct_t1, len(ct_index2), ct_shift))


if __name__ == "__main__":
    main()
