"""traceback -- print or retrieve a stack traceback (Weft).

Formats exceptions and stacks in CPython 3.11's wording from the objects'
__traceback__ chain (tb_frame, tb_lineno, tb_lasti, tb_next; f_code's
co_filename / co_name / co_positions(), f_back), including chained
exceptions, __notes__ and the SyntaxError layout.  Source lines come from
linecache.  Tracebacks (extract_tb, format_tb, TracebackException) carry
each entry's code position and print 3.11's marker line under the source
line: '^' under the failing range, or '~' with a '^' anchor on the
operator of a binary operation or the brackets of a subscript; stacks
(extract_stack, print_stack) carry line numbers only, as in 3.11.

Positions: as in CPython, f_lasti / tb_lasti are byte offsets into co_code
and co_positions() yields one entry per 2-byte code unit, so entry
lasti // 2 is the instruction's position.  Columns are UTF-8 byte offsets, turned into characters; marker
widths count East Asian wide characters twice.  The anchors come from the
ast module when there is one, else from a small scanner of the segment's
tokens that finds the same top-level binary operator or subscript.
No shared state.
"""

import sys
import linecache

__all__ = ['extract_stack', 'extract_tb', 'format_exception',
           'format_exception_only', 'format_list', 'format_stack',
           'format_tb', 'print_exc', 'format_exc', 'print_exception',
           'print_last', 'print_stack', 'print_tb', 'clear_frames',
           'FrameSummary', 'StackSummary', 'TracebackException',
           'walk_stack', 'walk_tb']


def print_list(extracted_list, file=None):
    """Print the list of tuples as returned by extract_tb() or extract_stack()."""
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end="")


def format_list(extracted_list):
    """Format a list of FrameSummary objects for printing."""
    return StackSummary.from_list(extracted_list).format()


def print_tb(tb, limit=None, file=None):
    """Print up to 'limit' stack trace entries from the traceback 'tb'."""
    print_list(extract_tb(tb, limit=limit), file=file)


def format_tb(tb, limit=None):
    """A shorthand for 'format_list(extract_tb(tb, limit))'."""
    return extract_tb(tb, limit=limit).format()


def extract_tb(tb, limit=None):
    """Return a StackSummary object representing a list of pre-processed
    entries from traceback."""
    return StackSummary._extract_from_extended_frame_gen(
        _walk_tb_with_positions(tb), limit=limit)


_cause_message = (
    "\nThe above exception was the direct cause "
    "of the following exception:\n\n")

_context_message = (
    "\nDuring handling of the above exception, "
    "another exception occurred:\n\n")

_sentinel = object()


def _parse_value_tb(exc, value, tb):
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError("Both or neither of value and tb must be given")
    if value is tb is _sentinel:
        if exc is not None:
            if isinstance(exc, BaseException):
                return exc, exc.__traceback__
            raise TypeError(f'Exception expected for value, '
                            f'{type(exc).__name__} found')
        else:
            return None, None
    return value, tb


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                    file=None, chain=True):
    """Print exception up to 'limit' stack trace entries from 'tb' to 'file'."""
    value, tb = _parse_value_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    if file is None:
        file = sys.stderr
    for line in te.format(chain=chain):
        print(line, file=file, end="")


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                     chain=True):
    """Format a stack trace and the exception information."""
    value, tb = _parse_value_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    return list(te.format(chain=chain))


def format_exception_only(exc, /, value=_sentinel):
    """Format the exception part of a traceback."""
    if value is _sentinel:
        value = exc
    te = TracebackException(type(value), value, None, compact=True)
    return list(te.format_exception_only())


def _format_final_exc_line(etype, value):
    valuestr = _safe_string(value, 'exception')
    if value is None or not valuestr:
        line = "%s\n" % etype
    else:
        line = "%s: %s\n" % (etype, valuestr)
    return line


def _safe_string(value, what, func=str):
    try:
        return func(value)
    except Exception:
        return f'<{what} {func.__name__}() failed>'


def print_exc(limit=None, file=None, chain=True):
    """Shorthand for 'print_exception(*sys.exc_info(), limit, file)'."""
    print_exception(*sys.exc_info(), limit=limit, file=file, chain=chain)


def format_exc(limit=None, chain=True):
    """Like print_exc() but return a string."""
    return "".join(format_exception(*sys.exc_info(), limit=limit, chain=chain))


def print_last(limit=None, file=None, chain=True):
    """This is a shorthand for 'print_exception(sys.last_type,
    sys.last_value, sys.last_traceback, limit, file)'."""
    if not hasattr(sys, "last_type"):
        raise ValueError("no last exception")
    print_exception(sys.last_type, sys.last_value, sys.last_traceback,
                    limit, file, chain)


def print_stack(f=None, limit=None, file=None):
    """Print a stack trace from its invocation point."""
    if f is None:
        f = sys._getframe().f_back
    print_list(extract_stack(f, limit=limit), file=file)


def format_stack(f=None, limit=None):
    """Shorthand for 'format_list(extract_stack(f, limit))'."""
    if f is None:
        f = sys._getframe().f_back
    return format_list(extract_stack(f, limit=limit))


def extract_stack(f=None, limit=None):
    """Extract the raw traceback from the current stack frame."""
    if f is None:
        f = sys._getframe().f_back
    stack = StackSummary.extract(walk_stack(f), limit=limit)
    stack.reverse()
    return stack


def clear_frames(tb):
    """Clear all references to local variables in the frames of a traceback."""
    while tb is not None:
        try:
            tb.tb_frame.clear()
        except (RuntimeError, AttributeError):
            pass
        tb = tb.tb_next


class FrameSummary:
    """Information about a single frame from a traceback."""

    __slots__ = ('filename', 'lineno', 'end_lineno', 'colno', 'end_colno',
                 'name', '_line', 'locals')

    def __init__(self, filename, lineno, name, *, lookup_line=True,
                 locals=None, line=None,
                 end_lineno=None, colno=None, end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        if lookup_line:
            self.line
        self.locals = {k: repr(v) for k, v in locals.items()} if locals else None
        self.end_lineno = end_lineno
        self.colno = colno
        self.end_colno = end_colno

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and
                    self.lineno == other.lineno and
                    self.name == other.name and
                    self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return f"<FrameSummary file {self.filename}, line {self.lineno} in {self.name}>"

    def __len__(self):
        return 4

    @property
    def _original_line(self):
        self.line
        return self._line

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = linecache.getline(self.filename, self.lineno)
        return self._line.strip()


def walk_stack(f):
    """Walk a stack yielding the frame and line number for each frame."""
    if f is None:
        f = sys._getframe().f_back.f_back.f_back.f_back
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


def walk_tb(tb):
    """Walk a traceback yielding the frame and line number for each frame."""
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def _walk_tb_with_positions(tb):
    # walk_tb with each entry's (lineno, end_lineno, colno, end_colno) from
    # the code position of tb_lasti; tb_lineno stands in for an unknown line.
    while tb is not None:
        frame = tb.tb_frame
        lineno, end_lineno, colno, end_colno = _code_position(
            frame.f_code, tb.tb_lasti)
        if lineno is None:
            lineno = tb.tb_lineno
        yield frame, (lineno, end_lineno, colno, end_colno)
        tb = tb.tb_next


def _code_position(code, lasti):
    # co_positions() has one entry per 2-byte code unit and lasti is a byte
    # offset (see the module docstring).
    if lasti is None or lasti < 0:
        return (None, None, None, None)
    wanted = lasti // 2
    for index, position in enumerate(code.co_positions()):
        if index == wanted:
            return position
    return (None, None, None, None)


_RECURSIVE_CUTOFF = 3


class StackSummary(list):
    """A list of FrameSummary objects, representing a stack of frames."""

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True,
                capture_locals=False):
        """Create a StackSummary from a traceback or stack object."""
        def extended_frame_gen():
            for f, lineno in frame_gen:
                yield f, (lineno, None, None, None)

        return klass._extract_from_extended_frame_gen(
            extended_frame_gen(), limit=limit, lookup_lines=lookup_lines,
            capture_locals=capture_locals)

    @classmethod
    def _extract_from_extended_frame_gen(klass, frame_gen, *, limit=None,
                                         lookup_lines=True, capture_locals=False):
        if limit is None:
            limit = getattr(sys, 'tracebacklimit', None)
            if limit is not None and limit < 0:
                limit = 0
        frames = list(frame_gen)
        if limit is not None:
            if limit >= 0:
                frames = frames[:limit]
            else:
                frames = frames[limit:]

        result = klass()
        fnames = set()
        for f, (lineno, end_lineno, colno, end_colno) in frames:
            co = f.f_code
            filename = co.co_filename
            name = co.co_name
            fnames.add(filename)
            if capture_locals:
                f_locals = f.f_locals
            else:
                f_locals = None
            result.append(FrameSummary(
                filename, lineno, name, lookup_line=False, locals=f_locals,
                end_lineno=end_lineno, colno=colno, end_colno=end_colno))
        for filename in fnames:
            linecache.checkcache(filename)
        if lookup_lines:
            for f in result:
                f.line
        return result

    @classmethod
    def from_list(klass, a_list):
        """Create a StackSummary object from a supplied list of
        FrameSummary objects or old-style list of tuples."""
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary):
        """Format the lines for a single FrameSummary."""
        row = []
        row.append(f'  File "{frame_summary.filename}", line {frame_summary.lineno}, '
                   f'in {frame_summary.name}\n')
        if frame_summary.line:
            stripped_line = frame_summary.line.strip()
            row.append(f'    {stripped_line}\n')
            if (frame_summary.colno is not None and
                    frame_summary.end_colno is not None):
                markers = _marker_line(frame_summary, stripped_line)
                if markers is not None:
                    row.append(markers)
        if frame_summary.locals:
            for name, value in sorted(frame_summary.locals.items()):
                row.append(f'    {name} = {value}\n')
        return ''.join(row)

    def format(self):
        """Format the stack ready for printing."""
        result = []
        last_file = None
        last_line = None
        last_name = None
        count = 0
        for frame_summary in self:
            formatted_frame = self.format_frame_summary(frame_summary)
            if formatted_frame is None:
                continue
            if (last_file is None or last_file != frame_summary.filename or
                    last_line is None or last_line != frame_summary.lineno or
                    last_name is None or last_name != frame_summary.name):
                if count > _RECURSIVE_CUTOFF:
                    count -= _RECURSIVE_CUTOFF
                    result.append(
                        f'  [Previous line repeated {count} more '
                        f'time{"s" if count > 1 else ""}]\n'
                    )
                last_file = frame_summary.filename
                last_line = frame_summary.lineno
                last_name = frame_summary.name
                count = 0
            count += 1
            if count > _RECURSIVE_CUTOFF:
                continue
            result.append(formatted_frame)

        if count > _RECURSIVE_CUTOFF:
            count -= _RECURSIVE_CUTOFF
            result.append(
                f'  [Previous line repeated {count} more '
                f'time{"s" if count > 1 else ""}]\n'
            )
        return result


def _byte_offset_to_character_offset(text, offset):
    # colno / end_colno are UTF-8 byte offsets; a cut inside a character
    # counts as one (replaced) character, as 3.11 decodes it.
    return len(text.encode('utf-8')[:offset].decode('utf-8', 'replace'))


def _marker_line(frame_summary, stripped_line):
    """The '^'/'~' line under a source line, or None when 3.11 prints none."""
    line = frame_summary._original_line
    # 3.11 subtracts every blank it stripped (the newline too) from the
    # indent of the markers.
    stripped_count = len(line) - len(stripped_line)
    start = _byte_offset_to_character_offset(line, frame_summary.colno)
    end = _byte_offset_to_character_offset(line, frame_summary.end_colno)
    segment = line[start:end]
    anchors = None
    if frame_summary.lineno == frame_summary.end_lineno:
        try:
            anchors = _caret_anchors(segment)
        except Exception:
            anchors = None
    else:
        # a range over several lines is marked to the end of its first line
        end = len(line.rstrip())
    split = anchors is not None and anchors[1] - anchors[0] > 0
    if end - start >= len(stripped_line) and not split:
        return None
    first = _display_width(line, start) + 1
    last = _display_width(line, end) + 1
    parts = ['    ', ' ' * (first - stripped_count)]
    if anchors is not None:
        left = _display_width(segment, anchors[0])
        right = _display_width(segment, anchors[1])
        parts.append('~' * left)
        parts.append('^' * (right - left))
        parts.append('~' * (last - first - right))
    else:
        parts.append('^' * (last - first))
    parts.append('\n')
    return ''.join(parts)


# East Asian Width W and F code point ranges (Unicode 14.0, assigned code
# points), used when the unicodedata module is missing: inclusive pairs.
_WIDE_RANGES = (
    0x1100, 0x115F, 0x231A, 0x231B, 0x2329, 0x232A, 0x23E9, 0x23EC,
    0x23F0, 0x23F0, 0x23F3, 0x23F3, 0x25FD, 0x25FE, 0x2614, 0x2615,
    0x2648, 0x2653, 0x267F, 0x267F, 0x2693, 0x2693, 0x26A1, 0x26A1,
    0x26AA, 0x26AB, 0x26BD, 0x26BE, 0x26C4, 0x26C5, 0x26CE, 0x26CE,
    0x26D4, 0x26D4, 0x26EA, 0x26EA, 0x26F2, 0x26F3, 0x26F5, 0x26F5,
    0x26FA, 0x26FA, 0x26FD, 0x26FD, 0x2705, 0x2705, 0x270A, 0x270B,
    0x2728, 0x2728, 0x274C, 0x274C, 0x274E, 0x274E, 0x2753, 0x2755,
    0x2757, 0x2757, 0x2795, 0x2797, 0x27B0, 0x27B0, 0x27BF, 0x27BF,
    0x2B1B, 0x2B1C, 0x2B50, 0x2B50, 0x2B55, 0x2B55, 0x2E80, 0x303E,
    0x3041, 0x3247, 0x3250, 0x4DBF, 0x4E00, 0xA4C6, 0xA960, 0xA97C,
    0xAC00, 0xD7A3, 0xF900, 0xFAD9, 0xFE10, 0xFE19, 0xFE30, 0xFE6B,
    0xFF01, 0xFF60, 0xFFE0, 0xFFE6, 0x16FE0, 0x1B2FB, 0x1F004, 0x1F004,
    0x1F0CF, 0x1F0CF, 0x1F18E, 0x1F18E, 0x1F191, 0x1F19A, 0x1F200, 0x1F320,
    0x1F32D, 0x1F335, 0x1F337, 0x1F37C, 0x1F37E, 0x1F393, 0x1F3A0, 0x1F3CA,
    0x1F3CF, 0x1F3D3, 0x1F3E0, 0x1F3F0, 0x1F3F4, 0x1F3F4, 0x1F3F8, 0x1F43E,
    0x1F440, 0x1F440, 0x1F442, 0x1F4FC, 0x1F4FF, 0x1F53D, 0x1F54B, 0x1F54E,
    0x1F550, 0x1F567, 0x1F57A, 0x1F57A, 0x1F595, 0x1F596, 0x1F5A4, 0x1F5A4,
    0x1F5FB, 0x1F64F, 0x1F680, 0x1F6C5, 0x1F6CC, 0x1F6CC, 0x1F6D0, 0x1F6D2,
    0x1F6D5, 0x1F6DF, 0x1F6EB, 0x1F6EC, 0x1F6F4, 0x1F6FC, 0x1F7E0, 0x1F7F0,
    0x1F90C, 0x1F93A, 0x1F93C, 0x1F945, 0x1F947, 0x1F9FF, 0x1FA70, 0x1FAF6,
    0x20000, 0x3134A,
)


def _wide_by_table(ch):
    cp = ord(ch)
    lo, hi = 0, len(_WIDE_RANGES) // 2
    while lo < hi:
        mid = (lo + hi) // 2
        if cp > _WIDE_RANGES[2 * mid + 1]:
            lo = mid + 1
        else:
            hi = mid
    return lo < len(_WIDE_RANGES) // 2 and _WIDE_RANGES[2 * lo] <= cp


def _display_width(text, offset):
    """Columns taken by text[:offset] on a terminal (wide characters 2)."""
    if text.isascii():
        return offset
    try:
        import unicodedata
    except ImportError:
        is_wide = _wide_by_table
    else:
        def is_wide(ch):
            return unicodedata.east_asian_width(ch) in 'WF'
    return sum(2 if is_wide(ch) else 1 for ch in text[:offset])


def _caret_anchors(segment):
    """(left, right) character offsets in segment of the '^' part of a
    binary operation's or subscript's markers, or None."""
    try:
        import ast
        parse = ast.parse
    except (ImportError, AttributeError):
        return _scanned_anchors(segment)
    try:
        tree = parse(segment)
    except SyntaxError:
        return None
    if len(tree.body) != 1 or not isinstance(tree.body[0], ast.Expr):
        return None
    expr = tree.body[0].value
    if isinstance(expr, ast.BinOp):
        return _binop_anchors(segment, expr.left.end_col_offset,
                              expr.right.col_offset)
    if isinstance(expr, ast.Subscript):
        return _subscript_anchors(
            segment,
            _byte_offset_to_character_offset(segment, expr.value.end_col_offset),
            _byte_offset_to_character_offset(segment, expr.slice.end_col_offset + 1))
    return None


def _binop_anchors(segment, left_end, right_start):
    # left_end / right_start: UTF-8 byte offsets of the end of the left
    # operand and the start of the right one.  The operator is the first
    # non-blank between them; 3.11 adds that character count to the byte
    # offset and walks on past ')' and '#', which this keeps.
    between = segment[_byte_offset_to_character_offset(segment, left_end):
                      _byte_offset_to_character_offset(segment, right_start)]
    skip = len(between) - len(between.lstrip())
    left = left_end + skip
    right = left + 1
    if skip + 1 < len(between) and not between[skip + 1].isspace():
        right += 1
    while left < len(segment) and (segment[left].isspace() or
                                   segment[left] in ')#'):
        left += 1
        right += 1
    return (_byte_offset_to_character_offset(segment, left),
            _byte_offset_to_character_offset(segment, right))


def _subscript_anchors(segment, left, right):
    # from the end of the value to its '[', from just past the end of the
    # slice to the first ']' (included)
    while left < len(segment) and segment[left] != '[':
        left += 1
    while right < len(segment) and segment[right] != ']':
        right += 1
    if right < len(segment):
        right += 1
    return left, right


# --- anchors without the ast module: the segment's tokens ---

_KEYWORDS = frozenset((
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await',
    'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except',
    'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is',
    'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try',
    'while', 'with', 'yield'))

_STRING_PREFIXES = frozenset(('r', 'u', 'f', 'b', 'br', 'rb', 'fr', 'rf'))

_OPERATORS = (
    ('**=', '//=', '>>=', '<<=', '...'),
    ('**', '//', '<<', '>>', '<=', '>=', '==', '!=', '->', ':=', '+=', '-=',
     '*=', '/=', '%=', '@=', '&=', '|=', '^='),
    tuple('+-*/%@&|^~<>()[]{},:;.='),
)

# binary operators from the loosest to the tightest binding (** apart)
_BINARY_LEVELS = (('|',), ('^',), ('&',), ('<<', '>>'), ('+', '-'),
                  ('*', '/', '//', '%', '@'))


def _segment_tokens(text):
    """[(kind, text, start, end)] of a one-line segment, or None when it
    holds something the scanner does not know."""
    tokens = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in ' \t\f':
            i += 1
            continue
        if ch == '#':
            break
        start = i
        if ch.isidentifier():
            i += 1
            while i < n and ('a' + text[i]).isidentifier():
                i += 1
            if i < n and text[i] in '\'"' and text[start:i].lower() in _STRING_PREFIXES:
                i = _string_end(text, i)
                if i < 0:
                    return None
                tokens.append(('string', text[start:i], start, i))
            else:
                tokens.append(('name', text[start:i], start, i))
        elif ch in '\'"':
            i = _string_end(text, i)
            if i < 0:
                return None
            tokens.append(('string', text[start:i], start, i))
        elif ch.isdigit() or (ch == '.' and i + 1 < n and text[i + 1].isdigit()):
            hexa = text[i:i + 2].lower() in ('0x', '0b', '0o')
            i += 1
            while i < n and (text[i].isalnum() or text[i] in '._' or
                             (text[i] in '+-' and not hexa and
                              text[i - 1] in 'eE')):
                i += 1
            tokens.append(('number', text[start:i], start, i))
        else:
            for size, group in zip((3, 2, 1), _OPERATORS):
                if text[i:i + size] in group:
                    i += size
                    break
            else:
                return None
            tokens.append(('op', text[start:i], start, i))
    return tokens


def _string_end(text, i):
    # index just past the string literal whose quote is at i, or -1
    quote = text[i] * 3 if text[i:i + 3] == text[i] * 3 else text[i]
    i += len(quote)
    while i < len(text):
        if text[i] == '\\':
            i += 2
        elif text.startswith(quote, i):
            return i + len(quote)
        else:
            i += 1
    return -1


def _ends_operand(token):
    kind, text = token[0], token[1]
    if kind == 'name':
        return text not in _KEYWORDS or text in ('None', 'True', 'False')
    return kind != 'op' or text in (')', ']', '}', '...')


def _scanned_anchors(segment):
    tokens = _segment_tokens(segment)
    if not tokens:
        return None
    match = [None] * len(tokens)
    depth = [0] * len(tokens)
    stack = []
    for index, token in enumerate(tokens):
        text = token[1]
        depth[index] = len(stack)
        if token[0] != 'op':
            continue
        if text in '([{':
            stack.append(index)
        elif text in ')]}':
            if not stack or tokens[stack[-1]][1] + text not in ('()', '[]', '{}'):
                return None
            opener = stack.pop()
            match[opener], match[index] = index, opener
            depth[index] = len(stack)
    if stack:
        return None
    top = [i for i in range(len(tokens)) if depth[i] == 0]
    for i in top:
        kind, text = tokens[i][0], tokens[i][1]
        # statements, tuples, assignments, boolean operations, comparisons,
        # conditional expressions, lambdas: not a binary operation
        if kind == 'name' and text in _KEYWORDS and text not in (
                'None', 'True', 'False', 'await'):
            return None
        if kind == 'op' and (text in (',', ';', ':', '->', '<', '>') or
                             text.endswith('=')):
            return None
    if tokens[0][1] in ('*', '**'):
        return None                         # a starred expression
    last = len(tokens) - 1
    for level in _BINARY_LEVELS:
        for i in reversed(top):
            if (tokens[i][0] == 'op' and tokens[i][1] in level and
                    0 < i < last and _ends_operand(tokens[i - 1])):
                return _scanned_binop(segment, tokens, match, depth, i)
    if tokens[0][1] in ('-', '+', '~'):
        return None                         # a unary operation
    for i in top:
        if (tokens[i][1] == '**' and tokens[i][0] == 'op' and
                0 < i < last and _ends_operand(tokens[i - 1])):
            return _scanned_binop(segment, tokens, match, depth, i)
    if tokens[0][1] == 'await' and tokens[0][0] == 'name':
        return None
    opener = match[last]
    if (tokens[last][1] == ']' and opener is not None and
            0 < opener < last - 1 and _ends_operand(tokens[opener - 1])):
        return _subscript_anchors(segment, tokens[opener - 1][3],
                                  tokens[last - 1][3] + 1)
    return None


def _scanned_binop(segment, tokens, match, depth, op):
    # the operands' extents without the parentheses of a group around them
    # (a parenthesized tuple or generator keeps its parentheses)
    first, last = 0, op - 1
    while _is_group(tokens, match, depth, first, last):
        first, last = first + 1, last - 1
    left_end = len(segment[:tokens[last][3]].encode('utf-8'))
    first, last = op + 1, len(tokens) - 1
    while _is_group(tokens, match, depth, first, last):
        first, last = first + 1, last - 1
    right_start = len(segment[:tokens[first][2]].encode('utf-8'))
    return _binop_anchors(segment, left_end, right_start)


def _is_group(tokens, match, depth, first, last):
    if not (tokens[first][1] == '(' and tokens[first][0] == 'op' and
            match[first] == last and last - first > 1):
        return False
    inner = depth[first] + 1
    for i in range(first + 1, last):
        if depth[i] == inner and tokens[i][1] in (',', 'for', 'async'):
            return False
    return True


class _ExceptionPrintContext:
    def __init__(self):
        self.seen = set()
        self.exception_group_depth = 0
        self.need_close = False

    def indent(self):
        return ' ' * (2 * self.exception_group_depth)

    def emit(self, text_gen, margin_char=None):
        if margin_char is None:
            margin_char = '|'
        indent_str = self.indent()
        if self.exception_group_depth:
            indent_str += margin_char + ' '

        if isinstance(text_gen, str):
            yield _indent_lines(text_gen, indent_str)
        else:
            for text in text_gen:
                yield _indent_lines(text, indent_str)


def _indent_lines(text, prefix):
    if not prefix:
        return text
    return ''.join(prefix + line for line in text.splitlines(True))


class TracebackException:
    """An exception ready for rendering."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None,
                 lookup_lines=True, capture_locals=False, compact=False,
                 max_group_width=15, max_group_depth=10, _seen=None):
        is_recursive_call = _seen is not None
        if _seen is None:
            _seen = set()
        _seen.add(id(exc_value))

        self.stack = StackSummary._extract_from_extended_frame_gen(
            _walk_tb_with_positions(exc_traceback),
            limit=limit, lookup_lines=lookup_lines,
            capture_locals=capture_locals)
        self.exc_type = exc_type
        self._str = _safe_string(exc_value, 'exception')
        try:
            self.__notes__ = getattr(exc_value, '__notes__', None)
        except Exception as e:
            self.__notes__ = [
                f'Ignored error getting __notes__: {_safe_string(e, "__notes__", repr)}']

        if exc_type and issubclass(exc_type, SyntaxError):
            self.filename = exc_value.filename
            lno = exc_value.lineno
            self.lineno = str(lno) if lno is not None else None
            end_lno = getattr(exc_value, 'end_lineno', None)
            self.end_lineno = str(end_lno) if end_lno is not None else None
            self.text = exc_value.text
            self.offset = exc_value.offset
            self.end_offset = getattr(exc_value, 'end_offset', None)
            self.msg = exc_value.msg
        if lookup_lines:
            self._load_lines()
        self.__suppress_context__ = \
            exc_value.__suppress_context__ if exc_value is not None else False

        self.exceptions = None
        if not is_recursive_call:
            queue = [(self, exc_value)]
            while queue:
                te, e = queue.pop()
                if (e and e.__cause__ is not None
                        and id(e.__cause__) not in _seen):
                    cause = TracebackException(
                        type(e.__cause__),
                        e.__cause__,
                        e.__cause__.__traceback__,
                        limit=limit,
                        lookup_lines=lookup_lines,
                        capture_locals=capture_locals,
                        _seen=_seen)
                else:
                    cause = None

                if compact:
                    need_context = (cause is None and
                                    e is not None and
                                    not e.__suppress_context__)
                else:
                    need_context = True
                if (e and e.__context__ is not None
                        and need_context and id(e.__context__) not in _seen):
                    context = TracebackException(
                        type(e.__context__),
                        e.__context__,
                        e.__context__.__traceback__,
                        limit=limit,
                        lookup_lines=lookup_lines,
                        capture_locals=capture_locals,
                        _seen=_seen)
                else:
                    context = None

                te.__cause__ = cause
                te.__context__ = context
                if cause:
                    queue.append((te.__cause__, e.__cause__))
                if context:
                    queue.append((te.__context__, e.__context__))

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        """Create a TracebackException from an exception."""
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def _load_lines(self):
        """Private API. force all lines in the stack to be loaded."""
        for frame in self.stack:
            frame.line

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return self._str

    def format_exception_only(self):
        """Format the exception part of the traceback."""
        if self.exc_type is None:
            yield _format_final_exc_line(None, self._str)
            return

        stype = self.exc_type.__qualname__
        smod = self.exc_type.__module__
        if smod not in ("__main__", "builtins"):
            if not isinstance(smod, str):
                smod = "<unknown>"
            stype = smod + '.' + stype

        if not issubclass(self.exc_type, SyntaxError):
            yield _format_final_exc_line(stype, self._str)
        else:
            yield from self._format_syntax_error(stype)
        if isinstance(self.__notes__, (list, tuple)):
            for note in self.__notes__:
                note = _safe_string(note, 'note')
                yield from [line + '\n' for line in note.split('\n')]
        elif self.__notes__ is not None:
            yield _safe_string(self.__notes__, '__notes__', func=repr) + "\n"

    def _format_syntax_error(self, stype):
        """Format SyntaxError exceptions (internal helper)."""
        filename_suffix = ''
        if self.lineno is not None:
            yield f'  File "{self.filename or "<string>"}", line {self.lineno}\n'
        elif self.filename is not None:
            filename_suffix = f' ({self.filename})'

        text = self.text
        if text is not None:
            rtext = text.rstrip('\n')
            ltext = rtext.lstrip(' \n\f')
            spaces = len(rtext) - len(ltext)
            yield f'    {ltext}\n'

            if self.offset is not None:
                offset = self.offset
                end_offset = self.end_offset if self.end_offset not in {None, 0} else offset
                if offset == end_offset or end_offset == -1:
                    end_offset = offset + 1

                colno = offset - 1 - spaces
                end_colno = end_offset - 1 - spaces
                if colno >= 0:
                    caretspace = ((c if c.isspace() else ' ') for c in ltext[:colno])
                    yield '    ' + "".join(caretspace) + '^' * (end_colno - colno) + '\n'
        msg = self.msg or "<no detail available>"
        yield f"{stype}: {msg}{filename_suffix}\n"

    def format(self, *, chain=True, _ctx=None):
        """Format the exception."""
        if _ctx is None:
            _ctx = _ExceptionPrintContext()

        output = []
        exc = self
        if chain:
            while exc:
                if exc.__cause__ is not None:
                    chained_msg = _cause_message
                    chained_exc = exc.__cause__
                elif (exc.__context__ is not None and
                      not exc.__suppress_context__):
                    chained_msg = _context_message
                    chained_exc = exc.__context__
                else:
                    chained_msg = None
                    chained_exc = None

                output.append((chained_msg, exc))
                exc = chained_exc
        else:
            output.append((None, exc))

        for msg, exc in reversed(output):
            if msg is not None:
                yield from _ctx.emit(msg)
            if exc.stack:
                yield from _ctx.emit('Traceback (most recent call last):\n')
                yield from _ctx.emit(exc.stack.format())
            yield from _ctx.emit(exc.format_exception_only())

    def print(self, *, file=None, chain=True):
        """Print the result of self.format(chain=chain) to 'file'."""
        if file is None:
            file = sys.stderr
        for line in self.format(chain=chain):
            print(line, file=file, end="")
