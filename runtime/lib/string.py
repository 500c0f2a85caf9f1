"""string -- common string constants and classes (Weft).

Constants, capwords, Template ($-substitution, scanned by hand so that no
regular-expression engine is needed; a subclass that changes `pattern` or
`idpattern` uses the re module if there is one) and Formatter (on the C
module _string, with a pure-Python parser fallback).  No mutable state.
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """capwords(s [,sep]) -> string"""
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


####################################################################
_sentinel_dict = {}
_ID_START = frozenset('_' + ascii_letters)
_ID_CHARS = frozenset('_' + ascii_letters + digits)


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None
    flags = None

    def __init_subclass__(cls):
        super().__init_subclass__()
        custom = ('pattern' in cls.__dict__ or
                  cls.idpattern != Template.idpattern or
                  cls.braceidpattern is not None or
                  cls.flags is not None)
        if custom:
            import re
            if 'pattern' in cls.__dict__:
                pattern = cls.pattern
            else:
                delim = re.escape(cls.delimiter)
                id = cls.idpattern
                bid = cls.braceidpattern or cls.idpattern
                pattern = fr"""
                {delim}(?:
                  (?P<escaped>{delim})  |
                  (?P<named>{id})       |
                  {{(?P<braced>{bid})}} |
                  (?P<invalid>)
                )
                """
            flags = cls.flags if cls.flags is not None else re.IGNORECASE
            cls.pattern = re.compile(pattern, flags | re.VERBOSE)

    def __init__(self, template):
        self.template = template

    def _regex(self):
        return type(self).__dict__.get('pattern') or \
            next((c.__dict__['pattern'] for c in type(self).__mro__
                  if 'pattern' in c.__dict__), None)

    # Scanner: yields (kind, text, start) with kind in
    # 'text', 'escaped', 'named', 'braced', 'invalid'.
    def _scan(self):
        s = self.template
        d = self.delimiter
        n = len(s)
        i = 0
        text_start = 0
        while True:
            j = s.find(d, i)
            if j < 0:
                break
            k = j + len(d)
            if s.startswith(d, k):
                yield ('text', s[text_start:j], text_start)
                yield ('escaped', d, j)
                i = text_start = k + len(d)
                continue
            if k < n and s[k] in _ID_START:
                e = k + 1
                while e < n and s[e] in _ID_CHARS:
                    e += 1
                yield ('text', s[text_start:j], text_start)
                yield ('named', s[k:e], j)
                i = text_start = e
                continue
            if k < n and s[k] == '{' and k + 1 < n and s[k + 1] in _ID_START:
                e = k + 2
                while e < n and s[e] in _ID_CHARS:
                    e += 1
                if e < n and s[e] == '}':
                    yield ('text', s[text_start:j], text_start)
                    yield ('braced', s[k + 1:e], j)
                    i = text_start = e + 1
                    continue
            yield ('text', s[text_start:j], text_start)
            yield ('invalid', '', j)
            i = text_start = k
        yield ('text', s[text_start:], text_start)

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def _substitute(self, mapping, safe):
        regex = self._regex()
        if regex is not None:
            def convert(mo):
                named = mo.group('named') or mo.group('braced')
                if named is not None:
                    if safe:
                        try:
                            return str(mapping[named])
                        except KeyError:
                            return mo.group()
                    return str(mapping[named])
                if mo.group('escaped') is not None:
                    return self.delimiter
                if mo.group('invalid') is not None:
                    if safe:
                        return mo.group()
                    self._invalid(mo.start('invalid'))
                raise ValueError('Unrecognized named group in pattern', regex)
            return regex.sub(convert, self.template)
        out = []
        for kind, text, pos in self._scan():
            if kind == 'text' or kind == 'escaped':
                out.append(text)
            elif kind == 'invalid':
                if safe:
                    out.append(self.delimiter)
                else:
                    self._invalid(pos + len(self.delimiter))
            else:
                try:
                    out.append(str(mapping[text]))
                except KeyError:
                    if not safe:
                        raise
                    if kind == 'named':
                        out.append(self.delimiter + text)
                    else:
                        out.append(self.delimiter + '{' + text + '}')
        return ''.join(out)

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            from collections import ChainMap
            mapping = ChainMap(kws, mapping)
        return self._substitute(mapping, False)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            from collections import ChainMap
            mapping = ChainMap(kws, mapping)
        return self._substitute(mapping, True)

    def is_valid(self):
        for kind, text, pos in self._scan():
            if kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for kind, text, pos in self._scan():
            if kind in ('named', 'braced') and text not in ids:
                ids.append(text)
        return ids


########################################################################
# Formatter

def _py_formatter_parser(s):
    """(literal_text, field_name, format_spec, conversion) tuples."""
    i = 0
    n = len(s)
    literal = []
    while i < n:
        c = s[i]
        if c == '{':
            if i + 1 < n and s[i + 1] == '{':
                literal.append('{')
                yield (''.join(literal), None, None, None)
                literal = []
                i += 2
                continue
            # parse a field
            depth = 1
            j = i + 1
            while j < n and depth:
                if s[j] == '{':
                    depth += 1
                elif s[j] == '}':
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            if j >= n:
                raise ValueError("expected '}' before end of string")
            field = s[i + 1:j]
            # split name!conv:spec (name may contain [..] with anything)
            k = 0
            brk = 0
            while k < len(field):
                ch = field[k]
                if ch == '[':
                    brk = 1
                elif ch == ']':
                    brk = 0
                elif not brk and ch in '!:':
                    break
                k += 1
            name = field[:k]
            conv = None
            spec = ''
            rest = field[k:]
            if rest.startswith('!'):
                if len(rest) < 2:
                    raise ValueError("end of string while looking for conversion specifier")
                conv = rest[1]
                rest = rest[2:]
                if rest and not rest.startswith(':'):
                    raise ValueError("expected ':' after conversion specifier")
            if rest.startswith(':'):
                spec = rest[1:]
            yield (''.join(literal), name, spec, conv)
            literal = []
            i = j + 1
        elif c == '}':
            if i + 1 < n and s[i + 1] == '}':
                literal.append('}')
                yield (''.join(literal), None, None, None)
                literal = []
                i += 2
                continue
            raise ValueError("Single '}' encountered in format string")
        else:
            literal.append(c)
            i += 1
    if literal:
        yield (''.join(literal), None, None, None)


def _py_field_name_split(name):
    i = 0
    n = len(name)
    while i < n and name[i] not in '.[':
        i += 1
    first = name[:i]
    if first.isdigit():
        first = int(first)

    def rest():
        j = i
        while j < n:
            if name[j] == '.':
                k = j + 1
                while k < n and name[k] not in '.[':
                    k += 1
                yield (True, name[j + 1:k])
                j = k
            elif name[j] == '[':
                k = name.find(']', j)
                if k < 0:
                    raise ValueError("Missing ']' in format string")
                key = name[j + 1:k]
                yield (False, int(key) if key.isdigit() else key)
                j = k + 1
            else:
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
    return first, rest()


try:
    import _string
    _formatter_parser = _string.formatter_parser
    _formatter_field_name_split = _string.formatter_field_name_split
except (ImportError, AttributeError):
    _formatter_parser = _py_formatter_parser
    _formatter_field_name_split = _py_field_name_split


class Formatter:
    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in \
                self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is not None:
                if field_name == '':
                    if auto_arg_index is False:
                        raise ValueError('cannot switch from manual field '
                                         'specification to automatic field '
                                         'numbering')
                    field_name = str(auto_arg_index)
                    auto_arg_index += 1
                elif field_name.isdigit():
                    if auto_arg_index:
                        raise ValueError('cannot switch from manual field '
                                         'specification to automatic field '
                                         'numbering')
                    auto_arg_index = False
                obj, arg_used = self.get_field(field_name, args, kwargs)
                used_args.add(arg_used)
                obj = self.convert_field(obj, conversion)
                format_spec, auto_arg_index = self._vformat(
                    format_spec, args, kwargs,
                    used_args, recursion_depth - 1,
                    auto_arg_index=auto_arg_index)
                result.append(self.format_field(obj, format_spec))
        return ''.join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        else:
            return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        elif conversion == 's':
            return str(value)
        elif conversion == 'r':
            return repr(value)
        elif conversion == 'a':
            return ascii(value)
        raise ValueError(f"Unknown conversion specifier {conversion!s}")

    def parse(self, format_string):
        return _formatter_parser(format_string)

    def get_field(self, field_name, args, kwargs):
        first, rest = _formatter_field_name_split(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, i in rest:
            if is_attr:
                obj = getattr(obj, i)
            else:
                obj = obj[i]
        return obj, first
