"""re -- regular expressions (Weft, pure Python).

A backtracking matcher with CPython 3.11's syntax and API: the pattern is
parsed into a tree (flags resolved per scope), compiled into a small
instruction list, and run by an iterative VM whose backtrack stack holds
branch points and undo records for the group marks.  Single-character
repeats run as one instruction.  bytes patterns run on the latin-1
decoding of the bytes and convert results back.

Compiled patterns are immutable and may be shared between threads; each
match uses its own stack and marks.  The compile cache is a dict written
with single stores (a racing thread may compile the same pattern twice).
"""

import enum
import sys

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split",
    "findall", "finditer", "compile", "purge", "template", "escape",
    "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U",
    "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
    "UNICODE", "NOFLAG", "RegexFlag",
]

__version__ = "2.2.1"

# ---------------------------------------------------------------- flags

SRE_FLAG_TEMPLATE = 1
SRE_FLAG_IGNORECASE = 2
SRE_FLAG_LOCALE = 4
SRE_FLAG_MULTILINE = 8
SRE_FLAG_DOTALL = 16
SRE_FLAG_UNICODE = 32
SRE_FLAG_VERBOSE = 64
SRE_FLAG_DEBUG = 128
SRE_FLAG_ASCII = 256


class RegexFlag(enum.IntFlag):
    NOFLAG = 0
    ASCII = A = SRE_FLAG_ASCII
    IGNORECASE = I = SRE_FLAG_IGNORECASE
    LOCALE = L = SRE_FLAG_LOCALE
    UNICODE = U = SRE_FLAG_UNICODE
    MULTILINE = M = SRE_FLAG_MULTILINE
    DOTALL = S = SRE_FLAG_DOTALL
    VERBOSE = X = SRE_FLAG_VERBOSE
    TEMPLATE = T = SRE_FLAG_TEMPLATE
    DEBUG = SRE_FLAG_DEBUG

    def __repr__(self):
        if self._name_ is None:
            return 're.%s(%r)' % (type(self).__name__, self._value_)
        return '|'.join('re.' + n for n in self._name_.split('|'))

    def __str__(self):
        return repr(self)

    def __format__(self, spec):
        return format(repr(self), spec)


NOFLAG = RegexFlag.NOFLAG
A = ASCII = RegexFlag.ASCII
I = IGNORECASE = RegexFlag.IGNORECASE
L = LOCALE = RegexFlag.LOCALE
U = UNICODE = RegexFlag.UNICODE
M = MULTILINE = RegexFlag.MULTILINE
S = DOTALL = RegexFlag.DOTALL
X = VERBOSE = RegexFlag.VERBOSE
T = TEMPLATE = RegexFlag.TEMPLATE
DEBUG = RegexFlag.DEBUG


class error(Exception):
    """Exception raised for invalid regular expressions."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            if isinstance(pattern, str):
                newline = '\n'
            else:
                newline = b'\n'
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


error.__module__ = 're'

# ---------------------------------------------------------------- parser

_SPECIAL = '.^$*+?{}[]\\|()'
_REPEAT_CHARS = '*+?{'
_DIGITS = '0123456789'
_OCTDIGITS = '01234567'
_HEXDIGITS = '0123456789abcdefABCDEF'
_ASCIILETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'
_WHITESPACE = ' \t\n\r\v\f'
_FLAGCHARS = {
    'i': SRE_FLAG_IGNORECASE, 'L': SRE_FLAG_LOCALE, 'm': SRE_FLAG_MULTILINE,
    's': SRE_FLAG_DOTALL, 'x': SRE_FLAG_VERBOSE, 'a': SRE_FLAG_ASCII,
    't': SRE_FLAG_TEMPLATE, 'u': SRE_FLAG_UNICODE,
}
_ESCAPES = {
    'a': '\a', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t',
    'v': '\v', '\\': '\\',
}
_MAXREPEAT = 1 << 62


class _Parser:
    def __init__(self, pattern, flags, is_bytes):
        self.p = pattern
        self.n = len(pattern)
        self.i = 0
        self.flags = flags
        self.is_bytes = is_bytes
        self.groups = 1            # next group number
        self.groupindex = {}
        self.open_groups = []
        self.closed = set()
        self.lookbehind_groups = None

    def error(self, msg, offset=0):
        raise error(msg, self.orig, self.i - offset)

    def peek(self):
        return self.p[self.i] if self.i < self.n else None

    def get(self):
        c = self.p[self.i]
        self.i += 1
        return c

    def skip_verbose(self, flags):
        if not flags & SRE_FLAG_VERBOSE:
            return
        while self.i < self.n:
            c = self.p[self.i]
            if c in _WHITESPACE:
                self.i += 1
            elif c == '#':
                while self.i < self.n and self.p[self.i] != '\n':
                    self.i += 1
            else:
                break

    def parse(self):
        flags = self.flags
        tree = self.parse_alt(flags, top=True)
        if self.i < self.n:
            if self.p[self.i] == ')':
                raise error("unbalanced parenthesis", self.orig, self.i)
            raise error("bad pattern", self.orig, self.i)
        return tree

    def parse_alt(self, flags, top=False):
        items = [self.parse_seq(flags, top)]
        while self.i < self.n and self.p[self.i] == '|':
            self.i += 1
            items.append(self.parse_seq(flags, top))
        if len(items) == 1:
            return items[0]
        return ('alt', items)

    def parse_seq(self, flags, top):
        items = []
        while True:
            self.skip_verbose(flags)
            if self.i >= self.n:
                break
            c = self.p[self.i]
            if c == '|' or c == ')':
                break
            start = self.i
            atom, flags = self.parse_atom(flags, top)
            if atom is None:
                continue
            # quantifiers
            self.skip_verbose(flags)
            if self.i < self.n and self.p[self.i] in _REPEAT_CHARS:
                q = self.parse_quant(flags)
                if q is not None:
                    lo, hi, mode, qpos = q
                    if atom[0] in ('bol', 'eol', 'begin', 'end', 'wordb', 'nwordb'):
                        raise error("nothing to repeat", self.orig, qpos)
                    atom = ('rep', atom, lo, hi, mode)
                    self.skip_verbose(flags)
                    if self.i < self.n and self.p[self.i] in '*+?' or \
                            (self.i < self.n and self.p[self.i] == '{' and self._is_repeat_brace()):
                        raise error("multiple repeat", self.orig, self.i)
            items.append(atom)
        if len(items) == 1:
            return items[0]
        return ('cat', items)

    def _is_repeat_brace(self):
        j = self.i + 1
        p = self.p
        k = j
        while k < self.n and p[k] in _DIGITS:
            k += 1
        if k < self.n and p[k] == ',':
            k += 1
            while k < self.n and p[k] in _DIGITS:
                k += 1
        return k < self.n and p[k] == '}'

    def parse_quant(self, flags):
        start = self.i
        c = self.p[self.i]
        if c == '{':
            if not self._is_repeat_brace():
                return None
            self.i += 1
            lo_s = ''
            while self.p[self.i] in _DIGITS:
                lo_s += self.p[self.i]
                self.i += 1
            hi_s = None
            if self.p[self.i] == ',':
                self.i += 1
                hi_s = ''
                while self.p[self.i] in _DIGITS:
                    hi_s += self.p[self.i]
                    self.i += 1
            self.i += 1  # '}'
            lo = int(lo_s) if lo_s else 0
            if hi_s is None:
                hi = lo
            else:
                hi = int(hi_s) if hi_s else _MAXREPEAT
            if hi < lo:
                raise error("min repeat greater than max repeat", self.orig, start + 1)
        else:
            self.i += 1
            if c == '*':
                lo, hi = 0, _MAXREPEAT
            elif c == '+':
                lo, hi = 1, _MAXREPEAT
            else:
                lo, hi = 0, 1
        mode = 'greedy'
        if self.i < self.n and self.p[self.i] == '?':
            self.i += 1
            mode = 'lazy'
        elif self.i < self.n and self.p[self.i] == '+':
            self.i += 1
            mode = 'poss'
        return lo, hi, mode, start

    def parse_atom(self, flags, top):
        start = self.i
        c = self.get()
        if c == '.':
            return ('any', bool(flags & SRE_FLAG_DOTALL)), flags
        if c == '^':
            return (('bol', True) if flags & SRE_FLAG_MULTILINE else ('begin',)), flags
        if c == '$':
            return ('eol', bool(flags & SRE_FLAG_MULTILINE)), flags
        if c == '[':
            return self.parse_class(flags, start), flags
        if c == '\\':
            return self.parse_escape(flags, start), flags
        if c == '(':
            return self.parse_group(flags, start, top)
        if c in '*+?':
            raise error("nothing to repeat", self.orig, start)
        if c == '{':
            self.i -= 1
            if self._is_repeat_brace():
                raise error("nothing to repeat", self.orig, start)
            self.i += 1
        return self.lit(c, flags), flags

    def lit(self, c, flags):
        if flags & SRE_FLAG_IGNORECASE:
            alts = _case_variants(c, flags)
            if len(alts) > 1:
                return ('chars', frozenset(alts))
        return ('lit', c)

    def parse_escape(self, flags, start, in_class=False):
        if self.i >= self.n:
            raise error("bad escape (end of pattern)", self.orig, start)
        c = self.get()
        if c in 'dDwWsS':
            node = ('cls', c, bool(flags & SRE_FLAG_ASCII))
            return node if in_class else ('set', [node], False, flags)
        if not in_class:
            if c == 'A':
                return ('begin',)
            if c == 'Z':
                return ('end',)
            if c == 'b':
                return ('wordb', bool(flags & SRE_FLAG_ASCII))
            if c == 'B':
                return ('nwordb', bool(flags & SRE_FLAG_ASCII))
        if c == 'x':
            h = self.p[self.i:self.i + 2]
            if len(h) != 2 or not all(x in _HEXDIGITS for x in h):
                raise error("incomplete escape \\x" + h, self.orig, start)
            self.i += 2
            ch = chr(int(h, 16))
            return ch if in_class else self.lit(ch, flags)
        if c in 'uU' and not self.is_bytes:
            k = 4 if c == 'u' else 8
            h = self.p[self.i:self.i + k]
            if len(h) != k or not all(x in _HEXDIGITS for x in h):
                raise error("incomplete escape \\%s%s" % (c, h), self.orig, start)
            self.i += k
            v = int(h, 16)
            if v > 0x10FFFF:
                raise error("bad escape \\%s%s" % (c, h), self.orig, start)
            ch = chr(v)
            return ch if in_class else self.lit(ch, flags)
        if c == 'N' and not self.is_bytes:
            raise error("bad escape \\N", self.orig, start)
        if c == '0':
            digits = '0'
            while len(digits) < 3 and self.i < self.n and self.p[self.i] in _OCTDIGITS:
                digits += self.get()
            ch = chr(int(digits, 8))
            return ch if in_class else self.lit(ch, flags)
        if c in _DIGITS:
            if in_class:
                if c in _OCTDIGITS:
                    digits = c
                    while len(digits) < 3 and self.i < self.n and self.p[self.i] in _OCTDIGITS:
                        digits += self.get()
                    v = int(digits, 8)
                    if v > 0o377:
                        raise error('octal escape value \\%s outside of range 0-0o377' % digits,
                                    self.orig, start)
                    return chr(v)
                raise error("bad escape \\" + c, self.orig, start)
            digits = c
            if self.i < self.n and self.p[self.i] in _DIGITS:
                if (c in _OCTDIGITS and self.p[self.i] in _OCTDIGITS and
                        self.i + 1 < self.n and self.p[self.i + 1] in _OCTDIGITS):
                    digits += self.p[self.i:self.i + 2]
                    self.i += 2
                    v = int(digits, 8)
                    if v > 0o377:
                        raise error('octal escape value \\%s outside of range 0-0o377' % digits,
                                    self.orig, start)
                    return self.lit(chr(v), flags)
                digits += self.get()
            gid = int(digits)
            if gid >= self.groups:
                raise error("invalid group reference %d" % gid, self.orig, start + 1)
            if gid in self.open_groups:
                raise error("cannot refer to an open group", self.orig, start)
            return ('backref', gid, bool(flags & SRE_FLAG_IGNORECASE))
        if c in _ESCAPES:
            ch = _ESCAPES[c]
            return ch if in_class else self.lit(ch, flags)
        if c in _ASCIILETTERS:
            raise error("bad escape \\" + c, self.orig, start)
        return c if in_class else self.lit(c, flags)

    def parse_class(self, flags, start):
        items = []
        negate = False
        if self.i < self.n and self.p[self.i] == '^':
            negate = True
            self.i += 1
        first = True
        while True:
            if self.i >= self.n:
                raise error("unterminated character set", self.orig, start)
            c = self.p[self.i]
            if c == ']' and not first:
                self.i += 1
                break
            first = False
            item_start = self.i
            if c == '\\':
                self.i += 1
                lo = self.parse_escape(flags, item_start, in_class=True)
            else:
                self.i += 1
                lo = c
            if (self.i + 1 < self.n and self.p[self.i] == '-' and
                    self.p[self.i + 1] != ']'):
                self.i += 1
                hi_start = self.i
                c2 = self.p[self.i]
                if c2 == '\\':
                    self.i += 1
                    hi = self.parse_escape(flags, hi_start, in_class=True)
                else:
                    self.i += 1
                    hi = c2
                if isinstance(lo, tuple) or isinstance(hi, tuple):
                    s = self.p[item_start:self.i]
                    raise error("bad character range " + s, self.orig, item_start)
                if hi < lo:
                    s = self.p[item_start:self.i]
                    raise error("bad character range " + s, self.orig, item_start)
                items.append(('range', lo, hi))
            elif isinstance(lo, tuple):
                items.append(lo)
            else:
                items.append(('ch', lo))
        return ('set', items, negate, flags)

    def parse_name(self, terminator, start):
        j = self.p.find(terminator, self.i)
        if j < 0:
            raise error("missing %s, unterminated name" % terminator, self.orig, self.i)
        name = self.p[self.i:j]
        if not name:
            raise error("missing group name", self.orig, self.i)
        self.i = j + 1
        return name

    def parse_group(self, flags, start, top):
        if self.i < self.n and self.p[self.i] == '?':
            self.i += 1
            if self.i >= self.n:
                raise error("unexpected end of pattern", self.orig, self.i)
            c = self.get()
            if c == ':':
                node = self.parse_alt(flags)
                self.expect_close(start)
                return ('group', None, node), flags
            if c == 'P':
                if self.i >= self.n:
                    raise error("unexpected end of pattern", self.orig, self.i)
                c2 = self.get()
                if c2 == '<':
                    name_pos = self.i
                    name = self.parse_name('>', start)
                    if not name.isidentifier():
                        raise error("bad character in group name %r" % name, self.orig, name_pos)
                    return self.capture(flags, start, name)
                if c2 == '=':
                    name_pos = self.i
                    name = self.parse_name(')', start)
                    if not name.isidentifier():
                        raise error("bad character in group name %r" % name, self.orig, name_pos)
                    gid = self.groupindex.get(name)
                    if gid is None:
                        raise error("unknown group name %r" % name, self.orig, name_pos)
                    if gid in self.open_groups:
                        raise error("cannot refer to an open group", self.orig, name_pos)
                    return ('backref', gid, bool(flags & SRE_FLAG_IGNORECASE)), flags
                raise error("unknown extension ?P" + c2, self.orig, start + 1)
            if c == '#':
                j = self.p.find(')', self.i)
                if j < 0:
                    raise error("missing ), unterminated comment", self.orig, start)
                self.i = j + 1
                return None, flags
            if c in '=!':
                node = self.parse_alt(flags)
                self.expect_close(start)
                return ('look', node, True, c == '!'), flags
            if c == '<':
                if self.i >= self.n:
                    raise error("unexpected end of pattern", self.orig, self.i)
                c2 = self.get()
                if c2 in '=!':
                    node = self.parse_alt(flags)
                    self.expect_close(start)
                    w = _width(node)
                    if w is None:
                        raise error("look-behind requires fixed-width pattern")
                    return ('lookbehind', node, w, c2 == '!'), flags
                raise error("unknown extension ?<" + c2, self.orig, start + 1)
            if c == '>':
                node = self.parse_alt(flags)
                self.expect_close(start)
                return ('atomic', node), flags
            if c == '(':
                cond_pos = self.i
                name = self.parse_name(')', start)
                if name.isdigit():
                    gid = int(name)
                    if gid == 0:
                        raise error("bad group number", self.orig, cond_pos)
                    if gid >= self.groups:
                        raise error("invalid group reference %d" % gid, self.orig, cond_pos)
                else:
                    if not name.isidentifier():
                        raise error("bad character in group name %r" % name, self.orig, cond_pos)
                    gid = self.groupindex.get(name)
                    if gid is None:
                        raise error("unknown group name %r" % name, self.orig, cond_pos)
                yes = self.parse_seq(flags, False)
                no = ('empty',)
                if self.i < self.n and self.p[self.i] == '|':
                    self.i += 1
                    no = self.parse_seq(flags, False)
                    if self.i < self.n and self.p[self.i] == '|':
                        raise error("conditional backref with more than two branches",
                                    self.orig, self.i)
                self.expect_close(start)
                return ('cond', gid, yes, no), flags
            if c in _FLAGCHARS or c == '-':
                self.i -= 1
                return self.parse_flags(flags, start, top)
            raise error("unknown extension ?" + c, self.orig, start + 1)
        return self.capture(flags, start, None)

    def capture(self, flags, start, name):
        gid = self.groups
        self.groups += 1
        if name is not None:
            if name in self.groupindex:
                raise error("redefinition of group name %r as group %d; was group %d"
                            % (name, gid, self.groupindex[name]), self.orig, start + 4)
            self.groupindex[name] = gid
        self.open_groups.append(gid)
        node = self.parse_alt(flags)
        self.expect_close(start)
        self.open_groups.remove(gid)
        return ('group', gid, node), flags

    def expect_close(self, start):
        if self.i >= self.n or self.p[self.i] != ')':
            raise error("missing ), unterminated subpattern", self.orig, start)
        self.i += 1

    def parse_flags(self, flags, start, top):
        add = 0
        sub = 0
        while self.i < self.n and self.p[self.i] in _FLAGCHARS:
            add |= _FLAGCHARS[self.get()]
        if self.i < self.n and self.p[self.i] == '-':
            self.i += 1
            while self.i < self.n and self.p[self.i] in _FLAGCHARS:
                sub |= _FLAGCHARS[self.get()]
            if not sub:
                raise error("missing flag", self.orig, self.i)
            if self.i >= self.n or self.p[self.i] != ':':
                raise error("missing :", self.orig, self.i)
        if self.i >= self.n:
            raise error("missing -, : or )", self.orig, self.i)
        c = self.get()
        if c == ')':
            if sub:
                raise error("missing :", self.orig, self.i - 1)
            if not (top and start == 0) and not self._only_flags_before(start):
                raise error("global flags not at the start of the expression",
                            self.orig, start)
            self.flags |= add
            return None, flags | add
        if c == ':':
            node = self.parse_alt((flags | add) & ~sub)
            self.expect_close(start)
            return ('group', None, node), flags
        raise error("missing -, : or )", self.orig, self.i - 1)

    def _only_flags_before(self, start):
        # flags groups may follow other flag groups at the very start
        j = 0
        p = self.p
        while j < start:
            if p.startswith('(?', j):
                k = j + 2
                while k < start and p[k] in _FLAGCHARS:
                    k += 1
                if k < start and p[k] == ')':
                    j = k + 1
                    continue
            if self.flags & SRE_FLAG_VERBOSE and p[j] in _WHITESPACE:
                j += 1
                continue
            return False
        return True


def _case_variants(c, flags):
    vs = {c}
    lo = c.lower()
    up = c.upper()
    if len(lo) == 1:
        vs.add(lo)
    if len(up) == 1:
        vs.add(up)
    if flags & SRE_FLAG_ASCII:
        vs = {v for v in vs if v == c or (v < '\x80' and c < '\x80')}
    return vs


def _width(node):
    """Fixed width of node, or None."""
    kind = node[0]
    if kind in ('lit', 'chars', 'any', 'set'):
        return 1
    if kind in ('bol', 'eol', 'begin', 'end', 'wordb', 'nwordb', 'empty', 'look', 'lookbehind'):
        return 0
    if kind == 'cat':
        total = 0
        for n in node[1]:
            w = _width(n)
            if w is None:
                return None
            total += w
        return total
    if kind == 'alt':
        ws = {_width(n) for n in node[1]}
        if len(ws) == 1:
            return ws.pop()
        return None
    if kind in ('group', 'atomic'):
        return _width(node[-1])
    if kind == 'rep':
        if node[2] == node[3]:
            w = _width(node[1])
            return None if w is None else w * node[2]
        return None
    return None


# ---------------------------------------------------------------- char predicates

def _is_word(c, ascii_only):
    if ascii_only:
        return c < '\x80' and (c.isalnum() or c == '_')
    return c.isalnum() or c == '_'


def _class_pred(kind, ascii_only):
    if kind == 'd':
        if ascii_only:
            return lambda c: '0' <= c <= '9'
        return lambda c: c.isdecimal()
    if kind == 'D':
        if ascii_only:
            return lambda c: not ('0' <= c <= '9')
        return lambda c: not c.isdecimal()
    if kind == 'w':
        if ascii_only:
            return lambda c: c < '\x80' and (c.isalnum() or c == '_')
        return lambda c: c.isalnum() or c == '_'
    if kind == 'W':
        if ascii_only:
            return lambda c: not (c < '\x80' and (c.isalnum() or c == '_'))
        return lambda c: not (c.isalnum() or c == '_')
    if kind == 's':
        if ascii_only:
            return lambda c: c in ' \t\n\r\f\v'
        return lambda c: c.isspace() or c in '\x1c\x1d\x1e\x1f'
    if kind == 'S':
        if ascii_only:
            return lambda c: c not in ' \t\n\r\f\v'
        return lambda c: not (c.isspace() or c in '\x1c\x1d\x1e\x1f')
    raise ValueError(kind)


def _set_pred(items, negate, flags):
    """A predicate (or a frozenset) for a character set."""
    icase = flags & SRE_FLAG_IGNORECASE
    if len(items) == 1 and items[0][0] == 'cls' and not negate:
        return _class_pred(items[0][1], items[0][2])
    chars = set()
    ranges = []
    preds = []
    for it in items:
        if it[0] == 'ch':
            if icase:
                chars.update(_case_variants(it[1], flags))
            else:
                chars.add(it[1])
        elif it[0] == 'range':
            ranges.append((it[1], it[2]))
        else:
            preds.append(_class_pred(it[1], it[2]))
    if not ranges and not preds and not negate:
        return frozenset(chars)
    chars = frozenset(chars)

    def pred(c):
        if c in chars:
            return not negate
        for lo, hi in ranges:
            if lo <= c <= hi:
                return not negate
            if icase:
                l = c.lower()
                u = c.upper()
                if lo <= l <= hi or lo <= u <= hi:
                    return not negate
        for p in preds:
            if p(c):
                return not negate
        return negate
    return pred


# ---------------------------------------------------------------- compiler

# opcodes
_CHAR, _CHARS, _PRED, _ANY, _ANYALL, _SPLIT, _JMP, _SAVE, _BEGIN, _END, \
    _BOL, _EOL, _EOLM, _WORDB, _NWORDB, _BACKREF, _REPEAT, _LOOK, _LOOKBEHIND, \
    _ATOMIC, _MARK, _PROGRESS, _COND, _MATCH, _FAIL = range(25)


class _Compiler:
    def __init__(self, ngroups):
        self.code = []
        self.nregs = 2 * ngroups

    def emit(self, *ins):
        self.code.append(list(ins))
        return len(self.code) - 1

    def new_reg(self):
        r = self.nregs
        self.nregs += 1
        return r

    def single(self, node):
        """(opcode, arg) when node matches exactly one char, else None."""
        k = node[0]
        if k == 'lit':
            return (_CHAR, node[1])
        if k == 'chars':
            return (_CHARS, node[1])
        if k == 'any':
            return (_ANYALL, None) if node[1] else (_ANY, None)
        if k == 'set':
            p = _set_pred(node[1], node[2], node[3])
            if isinstance(p, frozenset):
                return (_CHARS, p)
            return (_PRED, p)
        if k == 'group' and node[1] is None:
            return self.single(node[2])
        return None

    def comp(self, node):
        k = node[0]
        s = self.single(node)
        if s is not None:
            self.emit(*s)
            return
        if k == 'cat':
            for n in node[1]:
                self.comp(n)
        elif k == 'empty':
            pass
        elif k == 'alt':
            jumps = []
            alts = node[1]
            for idx, n in enumerate(alts):
                if idx < len(alts) - 1:
                    sp = self.emit(_SPLIT, None, None)
                    self.code[sp][1] = len(self.code)
                    self.comp(n)
                    jumps.append(self.emit(_JMP, None))
                    self.code[sp][2] = len(self.code)
                else:
                    self.comp(n)
            for j in jumps:
                self.code[j][1] = len(self.code)
        elif k == 'group':
            gid = node[1]
            if gid is None:
                self.comp(node[2])
            else:
                self.emit(_SAVE, 2 * gid)
                self.comp(node[2])
                self.emit(_SAVE, 2 * gid + 1)
        elif k == 'begin':
            self.emit(_BEGIN)
        elif k == 'end':
            self.emit(_END)
        elif k == 'bol':
            self.emit(_BOL)
        elif k == 'eol':
            self.emit(_EOLM if node[1] else _EOL)
        elif k == 'wordb':
            self.emit(_WORDB, node[1])
        elif k == 'nwordb':
            self.emit(_NWORDB, node[1])
        elif k == 'backref':
            self.emit(_BACKREF, node[1], node[2])
        elif k == 'look':
            self.emit(_LOOK, self.sub(node[1]), node[3])
        elif k == 'lookbehind':
            self.emit(_LOOKBEHIND, self.sub(node[1]), node[3], node[2])
        elif k == 'atomic':
            self.emit(_ATOMIC, self.sub(node[1]))
        elif k == 'cond':
            c = self.emit(_COND, node[1], None)
            self.comp(node[2])
            j = self.emit(_JMP, None)
            self.code[c][2] = len(self.code)
            self.comp(node[3])
            self.code[j][1] = len(self.code)
        elif k == 'rep':
            self.comp_rep(node)
        else:
            raise error("internal: unknown node %r" % (k,))

    def sub(self, node):
        c = _Compiler(0)
        c.nregs = self.nregs
        c.comp(node)
        c.emit(_MATCH)
        self.nregs = max(self.nregs, c.nregs)
        return c

    def comp_rep(self, node):
        _, body, lo, hi, mode = node
        if mode == 'poss':
            self.emit(_ATOMIC, self.sub(('rep', body, lo, hi, 'greedy')))
            return
        greedy = mode == 'greedy'
        s = self.single(body)
        if s is not None:
            self.emit(_REPEAT, s[0], s[1], lo, hi, greedy)
            return
        for _ in range(lo):
            self.comp(body)
        if hi == lo:
            return
        if hi >= _MAXREPEAT:
            # loop: L1: SPLIT L2, L3 ; L2: MARK r ; body ; PROGRESS r ; JMP L1 ; L3:
            r = self.new_reg()
            l1 = self.emit(_SPLIT, None, None)
            self.code[l1][1 if greedy else 2] = len(self.code)
            self.emit(_MARK, r)
            self.comp(body)
            pr = self.emit(_PROGRESS, r, None)
            self.emit(_JMP, l1)
            self.code[l1][2 if greedy else 1] = len(self.code)
            self.code[pr][2] = len(self.code)
        else:
            fixups = []
            for _ in range(hi - lo):
                sp = self.emit(_SPLIT, None, None)
                self.code[sp][1 if greedy else 2] = len(self.code)
                fixups.append((sp, 2 if greedy else 1))
                self.comp(body)
            for sp, slot in fixups:
                self.code[sp][slot] = len(self.code)


def _single_match(op, arg, c):
    if op == _CHAR:
        return c == arg
    if op == _CHARS:
        return c in arg
    if op == _PRED:
        return arg(c)
    if op == _ANY:
        return c != '\n'
    return True


def _run(code, s, i, end, marks, must_advance):
    """Run program code at position i; return the end position (marks
    updated in place) or -1."""
    stack = []
    push = stack.append
    pc = 0
    start = i
    n_end = end
    while True:
        ins = code[pc]
        op = ins[0]
        ok = True
        if op == _CHAR:
            if i < n_end and s[i] == ins[1]:
                i += 1
                pc += 1
                continue
            ok = False
        elif op == _CHARS:
            if i < n_end and s[i] in ins[1]:
                i += 1
                pc += 1
                continue
            ok = False
        elif op == _PRED:
            if i < n_end and ins[1](s[i]):
                i += 1
                pc += 1
                continue
            ok = False
        elif op == _ANY:
            if i < n_end and s[i] != '\n':
                i += 1
                pc += 1
                continue
            ok = False
        elif op == _ANYALL:
            if i < n_end:
                i += 1
                pc += 1
                continue
            ok = False
        elif op == _REPEAT:
            _, sop, sarg, lo, hi, greedy = ins
            if greedy:
                j = i
                limit = n_end if hi >= _MAXREPEAT else min(n_end, i + hi)
                if sop == _CHAR:
                    while j < limit and s[j] == sarg:
                        j += 1
                elif sop == _CHARS:
                    while j < limit and s[j] in sarg:
                        j += 1
                elif sop == _PRED:
                    while j < limit and sarg(s[j]):
                        j += 1
                elif sop == _ANY:
                    while j < limit and s[j] != '\n':
                        j += 1
                else:
                    j = limit
                if j - i < lo:
                    ok = False
                else:
                    if j > i + lo:
                        push((2, pc + 1, i + lo, j - 1))
                    i = j
                    pc += 1
                    continue
            else:
                j = i
                cnt = 0
                while cnt < lo:
                    if j < n_end and _single_match(sop, sarg, s[j]):
                        j += 1
                        cnt += 1
                    else:
                        break
                if cnt < lo:
                    ok = False
                else:
                    maxpos = n_end if hi >= _MAXREPEAT else min(n_end, i + hi)
                    if j < maxpos:
                        push((3, pc + 1, j, maxpos, sop, sarg))
                    i = j
                    pc += 1
                    continue
        elif op == _SPLIT:
            push((0, ins[2], i))
            pc = ins[1]
            continue
        elif op == _JMP:
            pc = ins[1]
            continue
        elif op == _SAVE or op == _MARK:
            slot = ins[1]
            push((1, slot, marks[slot]))
            marks[slot] = i
            if op == _SAVE and slot & 1:
                # marks[0] holds lastindex while running: the group closed last
                push((1, 0, marks[0]))
                marks[0] = slot >> 1
            pc += 1
            continue
        elif op == _PROGRESS:
            # an iteration that matched nothing ends the loop (keeping
            # its captures) instead of looping forever
            if marks[ins[1]] == i:
                pc = ins[2]
            else:
                pc += 1
            continue
        elif op == _MATCH:
            if must_advance and i == start:
                ok = False
            else:
                return i
        elif op == _BEGIN:
            if i == 0:
                pc += 1
                continue
            ok = False
        elif op == _END:
            if i == n_end:
                pc += 1
                continue
            ok = False
        elif op == _BOL:
            if i == 0 or s[i - 1] == '\n':
                pc += 1
                continue
            ok = False
        elif op == _EOL:
            if i == n_end or (i == n_end - 1 and s[i] == '\n'):
                pc += 1
                continue
            ok = False
        elif op == _EOLM:
            if i == n_end or s[i] == '\n':
                pc += 1
                continue
            ok = False
        elif op == _WORDB or op == _NWORDB:
            # as SRE: neither matches in an empty string
            if n_end > 0:
                a = ins[1]
                before = i > 0 and _is_word(s[i - 1], a)
                after = i < n_end and _is_word(s[i], a)
                if (before != after) == (op == _WORDB):
                    pc += 1
                    continue
            ok = False
        elif op == _BACKREF:
            gs = marks[2 * ins[1]]
            ge = marks[2 * ins[1] + 1]
            if gs is None or ge is None:
                ok = False
            else:
                sub = s[gs:ge]
                L = ge - gs
                seg = s[i:i + L]
                if i + L <= n_end and (seg == sub or (ins[2] and seg.lower() == sub.lower())):
                    i += L
                    pc += 1
                    continue
                ok = False
        elif op == _LOOK or op == _LOOKBEHIND or op == _ATOMIC:
            subc = ins[1]
            sub_marks = marks[:]
            if op == _LOOKBEHIND:
                w = ins[3]
                pos = i - w
                if pos < 0:
                    r = -1
                else:
                    r = _run(subc.code, s, pos, i, sub_marks, False)
                    if r != i:
                        r = -1
                negate = ins[2]
            else:
                r = _run(subc.code, s, i, n_end, sub_marks, False)
                negate = ins[2] if op == _LOOK else False
            if (r >= 0) != negate:
                if not negate:
                    for slot in range(len(marks)):
                        if sub_marks[slot] != marks[slot]:
                            push((1, slot, marks[slot]))
                            marks[slot] = sub_marks[slot]
                    if op == _ATOMIC:
                        i = r
                pc += 1
                continue
            ok = False
        elif op == _COND:
            g = ins[1]
            if marks[2 * g] is not None and marks[2 * g + 1] is not None:
                pc += 1
            else:
                pc = ins[2]
            continue
        elif op == _FAIL:
            ok = False
        # backtrack
        while True:
            if not stack:
                return -1
            e = stack.pop()
            kind = e[0]
            if kind == 1:
                marks[e[1]] = e[2]
                continue
            if kind == 0:
                pc = e[1]
                i = e[2]
                break
            if kind == 2:
                _, npc, lo_pos, pos = e
                if pos > lo_pos:
                    push((2, npc, lo_pos, pos - 1))
                pc = npc
                i = pos
                break
            if kind == 3:
                _, npc, pos, maxpos, sop, sarg = e
                if pos < maxpos and _single_match(sop, sarg, s[pos]):
                    pos += 1
                    if pos < maxpos:
                        push((3, npc, pos, maxpos, sop, sarg))
                    pc = npc
                    i = pos
                    break
                continue


# ---------------------------------------------------------------- public objects

class Pattern:
    """Compiled regular expression object."""

    def __init__(self, pattern, flags):
        self.pattern = pattern
        is_bytes = isinstance(pattern, (bytes, bytearray))
        self._bytes = is_bytes
        text = pattern.decode('latin-1') if is_bytes else pattern
        if is_bytes:
            if flags & SRE_FLAG_UNICODE:
                raise ValueError("cannot use UNICODE flag with a bytes pattern")
            flags |= 0
        else:
            if flags & SRE_FLAG_LOCALE:
                raise ValueError("cannot use LOCALE flag with a str pattern")
            if flags & SRE_FLAG_ASCII and flags & SRE_FLAG_UNICODE:
                raise ValueError("ASCII and UNICODE flags are incompatible")
        init_flags = flags | (SRE_FLAG_ASCII if is_bytes else 0)
        p = _Parser(text, init_flags, is_bytes)
        p.orig = pattern
        tree = p.parse()
        if p.flags != init_flags:
            # global inline flags apply to the whole pattern: parse again
            p2 = _Parser(text, p.flags, is_bytes)
            p2.orig = pattern
            tree = p2.parse()
            p = p2
        flags = p.flags & ~(SRE_FLAG_ASCII if is_bytes and not (flags & SRE_FLAG_ASCII) else 0)
        if not is_bytes and not flags & SRE_FLAG_ASCII:
            flags |= SRE_FLAG_UNICODE
        self.flags = flags
        self.groups = p.groups - 1
        self.groupindex = _mappingproxy(dict(p.groupindex))
        self._indexgroup = {v: k for k, v in p.groupindex.items()}
        c = _Compiler(p.groups)
        c.comp(tree)
        c.emit(_MATCH)
        self._code = c.code
        self._nregs = c.nregs
        # search accelerators
        self._anchored = tree[0] == 'begin' or (tree[0] == 'cat' and tree[1] and tree[1][0][0] == 'begin')
        self._prefix = _literal_prefix(tree)
        self._first = _first_char_test(self._code)

    # -- helpers
    def _text(self, string):
        if self._bytes:
            if isinstance(string, str):
                raise TypeError("cannot use a bytes pattern on a string-like object")
            return bytes(string).decode('latin-1')
        if not isinstance(string, str):
            raise TypeError("cannot use a string pattern on a bytes-like object")
        return string

    def _match_at(self, text, pos, endpos, must_advance=False):
        marks = [None] * self._nregs
        r = _run(self._code, text, pos, endpos, marks, must_advance)
        if r < 0:
            return None
        marks.append(marks[0])       # lastindex
        marks[0] = pos
        marks[1] = r
        return marks

    def _search(self, text, pos, endpos, must_advance=False):
        if self._anchored:
            if pos != 0:
                return None
            return self._match_at(text, pos, endpos, must_advance)
        prefix = self._prefix
        first = self._first
        i = pos
        while i <= endpos:
            if prefix:
                j = text.find(prefix, i, endpos)
                if j < 0:
                    return None
                i = j
            elif first is not None:
                # skip start positions whose first character cannot match
                while i < endpos and not first(text[i]):
                    i += 1
                if i >= endpos:
                    return None
            m = self._match_at(text, i, endpos, must_advance and i == pos)
            if m is not None:
                return m
            i += 1
        return None

    @staticmethod
    def _bounds(text, pos, endpos):
        n = len(text)
        if pos < 0:
            pos = 0
        elif pos > n:
            pos = n
        if endpos is None or endpos > n:
            endpos = n
        elif endpos < 0:
            endpos = 0
        return pos, endpos

    # -- API
    def match(self, string, pos=0, endpos=None):
        text = self._text(string)
        pos, endpos = self._bounds(text, pos, endpos)
        if endpos < pos:
            return None
        m = self._match_at(text, pos, endpos)
        return Match(self, string, text, m, pos, endpos) if m else None

    def fullmatch(self, string, pos=0, endpos=None):
        text = self._text(string)
        pos, endpos = self._bounds(text, pos, endpos)
        if endpos < pos:
            return None
        marks = [None] * self._nregs
        code = self._full_code()
        r = _run(code, text, pos, endpos, marks, False)
        if r < 0:
            return None
        marks.append(marks[0])       # lastindex
        marks[0] = pos
        marks[1] = r
        return Match(self, string, text, marks, pos, endpos)

    def _full_code(self):
        code = getattr(self, '_fcode', None)
        if code is None:
            code = [list(ins) for ins in self._code]
            code[-1] = [_END]
            code.append([_MATCH])
            self._fcode = code
        return code

    def search(self, string, pos=0, endpos=None):
        text = self._text(string)
        pos, endpos = self._bounds(text, pos, endpos)
        if endpos < pos:
            return None
        m = self._search(text, pos, endpos)
        return Match(self, string, text, m, pos, endpos) if m else None

    def _iter(self, string, pos=0, endpos=None):
        text = self._text(string)
        pos, endpos = self._bounds(text, pos, endpos)
        must_advance = False
        while pos <= endpos:
            m = self._search(text, pos, endpos, must_advance)
            if m is None:
                return
            yield Match(self, string, text, m, pos, endpos)
            must_advance = m[1] == m[0]
            pos = m[1]

    def finditer(self, string, pos=0, endpos=None):
        return self._iter(string, pos, endpos)

    def findall(self, string, pos=0, endpos=None):
        out = []
        for m in self._iter(string, pos, endpos):
            if self.groups == 0:
                out.append(m.group())
            elif self.groups == 1:
                out.append(m.group(1) if m.group(1) is not None else m._empty())
            else:
                out.append(tuple(g if g is not None else m._empty() for g in m.groups()))
        return out

    def split(self, string, maxsplit=0):
        out = []
        last = 0
        n = 0
        text = self._text(string)
        for m in self._iter(string):
            if maxsplit and n >= maxsplit:
                break
            out.append(string[last:m.start()])
            out.extend(m.groups())
            last = m.end()
            n += 1
        out.append(string[last:])
        return out

    def subn(self, repl, string, count=0):
        if callable(repl):
            filt = repl
        else:
            template = _parse_template(repl, self)
            if len(template) == 1 and isinstance(template[0], (str, bytes)):
                lit = template[0]
                filt = lambda m: lit
            else:
                filt = lambda m: m._expand_parsed(template)
        out = []
        last = 0
        n = 0
        for m in self._iter(string):
            if count and n >= count:
                break
            out.append(string[last:m.start()])
            r = filt(m)
            if r is not None:
                out.append(r)
            last = m.end()
            n += 1
        out.append(string[last:])
        empty = b'' if self._bytes else ''
        return empty.join(out), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def scanner(self, string, pos=0, endpos=None):
        raise NotImplementedError("Pattern.scanner is not supported by Weft")

    def __repr__(self):
        flags = self.flags
        if not self._bytes:
            flags &= ~SRE_FLAG_UNICODE
        p = repr(self.pattern)
        if len(p) > 200:
            p = p[:200]
        if flags:
            return 're.compile(%s, %r)' % (p, RegexFlag(flags))
        return 're.compile(%s)' % p

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        return cls


def _first_char_test(code):
    """A predicate every match's first character satisfies, or None."""
    k = 0
    while code[k][0] == _SAVE:
        k += 1
    ins = code[k]
    op = ins[0]
    if op == _REPEAT:
        if ins[3] < 1:
            return None
        op, arg = ins[1], ins[2]
    else:
        arg = ins[1] if len(ins) > 1 else None
    if op == _CHAR:
        return lambda c: c == arg
    if op == _CHARS:
        return arg.__contains__
    if op == _PRED:
        return arg
    if op == _ANY:
        return lambda c: c != '\n'
    return None


def _mappingproxy(d):
    try:
        from types import MappingProxyType
        return MappingProxyType(d)
    except Exception:
        return d


def _literal_prefix(tree):
    """Leading literal text of the pattern (case-sensitive parts only)."""
    items = tree[1] if tree[0] == 'cat' else [tree]
    out = []
    for n in items:
        if n[0] == 'lit':
            out.append(n[1])
        else:
            break
    return ''.join(out)


class Match:
    """The result of re.match() and re.search()."""

    def __init__(self, pattern, string, text, marks, pos, endpos):
        self.re = pattern
        self.string = string
        self._text = text
        self._marks = marks
        self.pos = pos
        self.endpos = endpos

    def _conv(self, s):
        if self.re._bytes:
            return s.encode('latin-1')
        return s

    def _empty(self):
        return b'' if self.re._bytes else ''

    def _index(self, g):
        if isinstance(g, int) or (hasattr(g, '__index__') and not isinstance(g, str)):
            try:
                g = int(g)
            except Exception:
                raise IndexError("no such group")
            if 0 <= g <= self.re.groups:
                return g
            raise IndexError("no such group")
        idx = self.re.groupindex.get(g) if isinstance(g, str) else None
        if idx is None:
            raise IndexError("no such group")
        return idx

    def _get(self, idx, default=None):
        s = self._marks[2 * idx]
        e = self._marks[2 * idx + 1]
        if s is None or e is None:
            return default
        return self._conv(self._text[s:e])

    def group(self, *groups):
        if not groups:
            return self._get(0)
        if len(groups) == 1:
            return self._get(self._index(groups[0]))
        return tuple(self._get(self._index(g)) for g in groups)

    def __getitem__(self, g):
        return self._get(self._index(g))

    def groups(self, default=None):
        return tuple(self._get(i, default) for i in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._get(idx, default) for name, idx in self.re.groupindex.items()}

    def start(self, group=0):
        s = self._marks[2 * self._index(group)]
        e = self._marks[2 * self._index(group) + 1]
        return -1 if s is None or e is None else s

    def end(self, group=0):
        s = self._marks[2 * self._index(group)]
        e = self._marks[2 * self._index(group) + 1]
        return -1 if s is None or e is None else e

    def span(self, group=0):
        return (self.start(group), self.end(group))

    @property
    def regs(self):
        return tuple(self.span(i) for i in range(self.re.groups + 1))

    @property
    def lastindex(self):
        return self._marks[-1]

    @property
    def lastgroup(self):
        li = self.lastindex
        if li is None:
            return None
        return self.re._indexgroup.get(li)

    def expand(self, template):
        return self._expand_parsed(_parse_template(template, self.re))

    def _expand_parsed(self, parts):
        out = []
        for p in parts:
            if isinstance(p, int):
                g = self._get(p)
                if g is not None:
                    out.append(g)
            else:
                out.append(p)
        return self._empty().join(out)

    def __repr__(self):
        return '<re.Match object; span=%r, match=%r>' % (self.span(), self.group())

    def __bool__(self):
        return True

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        return cls


def _parse_template(repl, pattern):
    """List of literal strings and group numbers."""
    is_bytes = pattern._bytes
    if is_bytes:
        if isinstance(repl, str):
            raise TypeError("expected a bytes-like object, %s found" % type(repl).__name__)
        text = bytes(repl).decode('latin-1')
    else:
        if not isinstance(repl, str):
            raise TypeError("expected str instance, %s found" % type(repl).__name__)
        text = repl
    parts = []
    lit = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c != '\\':
            lit.append(c)
            i += 1
            continue
        i += 1
        if i >= n:
            raise error("bad escape (end of pattern)", repl, i - 1)
        c = text[i]
        i += 1
        if c == 'g':
            if i >= n or text[i] != '<':
                raise error("missing <", repl, i)
            j = text.find('>', i + 1)
            if j < 0:
                raise error("missing >, unterminated name", repl, i + 1)
            name = text[i + 1:j]
            if not name:
                raise error("missing group name", repl, i + 1)
            if name.isdigit():
                gid = int(name)
                if gid > pattern.groups:
                    raise error("invalid group reference %d" % gid, repl, i + 1)
            elif name.isidentifier():
                gid = pattern.groupindex.get(name)
                if gid is None:
                    raise IndexError("unknown group name %r" % name)
            else:
                raise error("bad character in group name %r" % name, repl, i + 1)
            if lit:
                parts.append(''.join(lit))
                lit = []
            parts.append(gid)
            i = j + 1
        elif c == '0':
            digits = '0'
            while len(digits) < 3 and i < n and text[i] in _OCTDIGITS:
                digits += text[i]
                i += 1
            lit.append(chr(int(digits, 8)))
        elif c in _DIGITS:
            digits = c
            if i < n and text[i] in _DIGITS:
                if (c in _OCTDIGITS and text[i] in _OCTDIGITS and
                        i + 1 < n and text[i + 1] in _OCTDIGITS):
                    v = int(c + text[i:i + 2], 8)
                    if v > 0o377:
                        raise error('octal escape value \\%s outside of range 0-0o377'
                                    % (c + text[i:i + 2]), repl, i - 2)
                    lit.append(chr(v))
                    i += 2
                    continue
                digits += text[i]
                i += 1
            gid = int(digits)
            if gid > pattern.groups:
                raise error("invalid group reference %d" % gid, repl, i - len(digits))
            if lit:
                parts.append(''.join(lit))
                lit = []
            parts.append(gid)
        elif c in _ESCAPES and c != 'b':
            lit.append(_ESCAPES[c])
        elif c == 'b':
            lit.append('\b')
        elif c in _ASCIILETTERS:
            raise error('bad escape \\' + c, repl, i - 2)
        else:
            lit.append('\\' + c)
    if lit:
        parts.append(''.join(lit))
    if is_bytes:
        parts = [p.encode('latin-1') if isinstance(p, str) else p for p in parts]
    if not parts:
        parts.append(b'' if is_bytes else '')
    return parts


# ---------------------------------------------------------------- module functions

_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = flags.value
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, (str, bytes, bytearray)):
        raise TypeError("first argument must be string or compiled pattern")
    key = (type(pattern), pattern, flags)
    p = _cache.get(key)
    if p is not None:
        return p
    p = Pattern(pattern, flags)
    if len(_cache) >= _MAXCACHE:
        try:
            del _cache[next(iter(_cache))]
        except (StopIteration, RuntimeError, KeyError):
            pass
    _cache[key] = p
    return p


def compile(pattern, flags=0):
    "Compile a regular expression pattern, returning a Pattern object."
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    """Try to apply the pattern at the start of the string."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """Try to apply the pattern to all of the string."""
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """Scan through string looking for a match to the pattern."""
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    """Return the string obtained by replacing the leftmost non-overlapping
    occurrences of the pattern in string by the replacement repl."""
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """Return a 2-tuple containing (new_string, number)."""
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """Split the source string by the occurrences of the pattern."""
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """Return a list of all non-overlapping matches in the string."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """Return an iterator over all non-overlapping matches in the string."""
    return _compile(pattern, flags).finditer(string)


def purge():
    "Clear the regular expression caches"
    _cache.clear()


def template(pattern, flags=0):
    "Compile a template pattern, returning a Pattern object, deprecated"
    return _compile(pattern, flags | SRE_FLAG_TEMPLATE)


_special_chars_map = {i: '\\' + chr(i) for i in b'()[]{}?*+-|^$\\.&~# \t\n\r\v\f'}


def escape(pattern):
    """Escape special characters in a string."""
    if isinstance(pattern, str):
        return ''.join(_special_chars_map.get(ord(c), c) for c in pattern)
    else:
        pattern = str(pattern, 'latin1')
        return ''.join(_special_chars_map.get(ord(c), c) for c in pattern).encode('latin1')


Pattern.__module__ = 're'
Match.__module__ = 're'
