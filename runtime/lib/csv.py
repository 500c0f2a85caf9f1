"""csv -- CSV file reading and writing (Weft, pure Python).

Provides what CPython 3.11 splits between the C module _csv and Lib/csv.py:
reader() and writer() objects, the immutable _csv.Dialect record that
both use, the dialect registry, field_size_limit(), the Dialect / excel /
excel_tab / unix_dialect classes, DictReader, DictWriter and Sniffer.
Behaviour and error messages follow CPython 3.11 (NUL characters are
ordinary data, as in 3.11).

Thread-safety: the module state is the dialect registry (a dict) and the
field size limit (a one-element list).  Both are shared by all threads and
are only touched with single dict/list operations (setitem, delitem, get,
keys snapshot, item store), which are atomic in Weft, so no lock is taken;
a reader that races with field_size_limit() sees either the old or the new
limit.  _csv.Dialect objects are immutable and may be shared.  A reader or
writer object belongs to one thread at a time (as in CPython, whose C
objects are not safe for concurrent iteration either).
"""

__all__ = ["QUOTE_MINIMAL", "QUOTE_ALL", "QUOTE_NONNUMERIC", "QUOTE_NONE",
           "Error", "Dialect", "__doc__", "excel", "excel_tab",
           "field_size_limit", "reader", "writer",
           "register_dialect", "get_dialect", "list_dialects", "Sniffer",
           "unregister_dialect", "__version__", "DictReader", "DictWriter",
           "unix_dialect"]

__version__ = "1.0"

QUOTE_MINIMAL = 0
QUOTE_ALL = 1
QUOTE_NONNUMERIC = 2
QUOTE_NONE = 3


class Error(Exception):
    __module__ = "_csv"


# Shared module state (see the thread-safety note above).
_dialects = {}
_field_limit = [128 * 1024]

_MISSING = object()     # "argument not given" (distinct from None)


# ------------------------------------------------------------ _csv.Dialect

_DIALECT_KEYWORDS = ("dialect", "delimiter", "doublequote", "escapechar",
                     "lineterminator", "quotechar", "quoting",
                     "skipinitialspace", "strict")
_DIALECT_ATTRS = _DIALECT_KEYWORDS[1:]


def _char(name, value, default):
    # A required one-character string.
    if value is _MISSING:
        return default
    if not isinstance(value, str):
        raise TypeError('"%s" must be string, not %.200s'
                        % (name, type(value).__name__))
    if len(value) != 1:
        raise TypeError('"%s" must be a 1-character string' % name)
    return str(value)


def _char_or_none(name, value, default):
    # A one-character string, or None for "not set".
    if value is _MISSING:
        return default
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError('"%s" must be string or None, not %.200s'
                        % (name, type(value).__name__))
    if len(value) != 1:
        raise TypeError('"%s" must be a 1-character string' % name)
    return str(value)


def _c_int(name, value, default):
    if value is _MISSING:
        return default
    if type(value) is not int:
        raise TypeError('"%s" must be an integer' % name)
    if not -2147483648 <= value <= 2147483647:
        raise OverflowError("Python int too large to convert to C int")
    return value


class _CsvDialect:
    """CSV dialect

The Dialect type records CSV parsing and generation options.
"""

    def __new__(cls, *args, **kwargs):
        if len(args) > 9:
            raise TypeError("function takes at most 9 arguments (%d given)"
                            % (len(args) + len(kwargs)))
        params = dict(zip(_DIALECT_KEYWORDS, args))
        for key, value in kwargs.items():
            if key not in _DIALECT_KEYWORDS:
                raise TypeError("'%s' is an invalid keyword argument for "
                                "this function" % key)
            if key in params:
                raise TypeError("argument for function given by name ('%s') "
                                "and position (%d)"
                                % (key, _DIALECT_KEYWORDS.index(key) + 1))
            params[key] = value
        dialect = params.pop("dialect", _MISSING)
        if dialect is not _MISSING:
            if isinstance(dialect, str):
                dialect = _registry_lookup(dialect)
            if isinstance(dialect, _CsvDialect) and not params:
                return dialect
        values = {}
        for name in _DIALECT_ATTRS:
            value = params.get(name, _MISSING)
            if value is _MISSING and dialect is not _MISSING:
                try:
                    value = getattr(dialect, name)
                except Exception:
                    value = _MISSING
            values[name] = value

        delimiter = _char("delimiter", values["delimiter"], ",")
        doublequote = (True if values["doublequote"] is _MISSING
                       else bool(values["doublequote"]))
        escapechar = _char_or_none("escapechar", values["escapechar"], None)
        lt = values["lineterminator"]
        if lt is _MISSING:
            lineterminator = "\r\n"
        elif lt is None:
            lineterminator = None
        elif not isinstance(lt, str):
            raise TypeError('"lineterminator" must be a string')
        else:
            lineterminator = lt
        quotechar = _char_or_none("quotechar", values["quotechar"], '"')
        quoting = _c_int("quoting", values["quoting"], QUOTE_MINIMAL)
        skipinitialspace = (False if values["skipinitialspace"] is _MISSING
                            else bool(values["skipinitialspace"]))
        strict = (False if values["strict"] is _MISSING
                  else bool(values["strict"]))

        if quoting not in (QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC,
                           QUOTE_NONE):
            raise TypeError('bad "quoting" value')
        if values["quotechar"] is None and values["quoting"] is _MISSING:
            quoting = QUOTE_NONE
        if quoting != QUOTE_NONE and quotechar is None:
            raise TypeError("quotechar must be set if quoting enabled")
        if lineterminator is None:
            raise TypeError("lineterminator must be set")

        self = object.__new__(cls)
        setf = object.__setattr__
        setf(self, "_delimiter", delimiter)
        setf(self, "_doublequote", doublequote)
        setf(self, "_escapechar", escapechar)
        setf(self, "_lineterminator", lineterminator)
        setf(self, "_quotechar", quotechar)
        setf(self, "_quoting", quoting)
        setf(self, "_skipinitialspace", skipinitialspace)
        setf(self, "_strict", strict)
        return self

    delimiter = property(lambda self: self._delimiter)
    doublequote = property(lambda self: self._doublequote)
    escapechar = property(lambda self: self._escapechar)
    lineterminator = property(lambda self: self._lineterminator)
    quotechar = property(lambda self: self._quotechar)
    quoting = property(lambda self: self._quoting)
    skipinitialspace = property(lambda self: self._skipinitialspace)
    strict = property(lambda self: self._strict)

    def __setattr__(self, name, value):
        if name in _DIALECT_ATTRS:
            raise AttributeError("attribute '%s' of '_csv.Dialect' objects "
                                 "is not writable" % name)
        raise AttributeError("'_csv.Dialect' object has no attribute '%s'"
                             % name)

    def __delattr__(self, name):
        self.__setattr__(name, None)

    def __getattr__(self, name):
        raise AttributeError("'_csv.Dialect' object has no attribute '%s'"
                             % name)

    def __reduce_ex__(self, protocol):
        raise TypeError("cannot pickle '_csv.Dialect' object")


_CsvDialect.__name__ = "Dialect"
_CsvDialect.__qualname__ = "Dialect"
_CsvDialect.__module__ = "_csv"
_Dialect = _CsvDialect


def _registry_lookup(name):
    dialect = _dialects.get(name)
    if dialect is None:
        raise Error("unknown dialect")
    return dialect


def _call_dialect(dialect, kwargs):
    if dialect is _MISSING:
        return _CsvDialect(**kwargs)
    return _CsvDialect(dialect, **kwargs)


def register_dialect(*args, **kwargs):
    """Create a mapping from a string name to a dialect class.
    dialect = csv.register_dialect(name[, dialect[, **fmtparams]])"""
    if not 1 <= len(args) <= 2:
        _arg_count_error(args)
    name = args[0]
    if not isinstance(name, str):
        raise TypeError("dialect name must be a string")
    dialect = _call_dialect(args[1] if len(args) == 2 else _MISSING, kwargs)
    _dialects[name] = dialect          # one atomic dict store


def unregister_dialect(name):
    """Delete the name/dialect mapping associated with a string name.
    csv.unregister_dialect(name)"""
    try:
        del _dialects[name]            # one atomic dict delete
    except KeyError:
        raise Error("unknown dialect") from None


def get_dialect(name):
    """Return the dialect instance associated with name.
    dialect = csv.get_dialect(name)"""
    return _registry_lookup(name)


def list_dialects():
    """Return a list of all know dialect names.
    names = csv.list_dialects()"""
    return list(_dialects.keys())


def field_size_limit(*args, **kwargs):
    """Sets an upper limit on parsed fields.
    csv.field_size_limit([limit])

Returns old limit. If limit is not given, no new limit is set and
the old limit is returned"""
    if len(args) + len(kwargs) > 1:
        raise TypeError("field_size_limit() takes at most 1 argument "
                        "(%d given)" % (len(args) + len(kwargs)))
    for key in kwargs:
        if key != "new_limit":
            raise TypeError("'%s' is an invalid keyword argument for "
                            "field_size_limit()" % key)
    old = _field_limit[0]
    if args or kwargs:
        new = args[0] if args else kwargs["new_limit"]
        if type(new) is not int:
            raise TypeError("limit must be an integer")
        if not -9223372036854775808 <= new <= 9223372036854775807:
            raise OverflowError("Python int too large to convert to C long")
        _field_limit[0] = new          # one atomic list store
    return old


def _arg_count_error(args):
    if not args:
        raise TypeError(" expected at least 1 argument, got 0")
    raise TypeError(" expected at most 2 arguments, got %d" % len(args))


# ------------------------------------------------------------------ reader

# Parser states (the same machine as CPython's _csv.c).
_START_RECORD = 0
_START_FIELD = 1
_ESCAPED_CHAR = 2
_IN_FIELD = 3
_IN_QUOTED_FIELD = 4
_ESCAPE_IN_QUOTED_FIELD = 5
_QUOTE_IN_QUOTED_FIELD = 6
_EAT_CRNL = 7
_AFTER_ESCAPED_CRNL = 8

_EOL = ""   # end-of-line marker: never equal to a one-character setting

_NEWLINE_ERROR = ("new-line character seen in unquoted field - do you need "
                  "to open the file in universal-newline mode?")


def _limit_error(limit):
    return Error("field larger than field limit (%d)" % limit)


class _Reader:
    """CSV reader

Reader objects are responsible for reading and parsing tabular data
in CSV format.
"""

    def __init__(self, iterator, dialect):
        setf = object.__setattr__
        setf(self, "_iter", iterator)
        setf(self, "dialect", dialect)
        setf(self, "line_num", 0)

    def __setattr__(self, name, value):
        if name in ("dialect", "line_num"):
            raise AttributeError("readonly attribute")
        raise AttributeError("'_csv.reader' object has no attribute '%s'"
                             % name)

    def __getattr__(self, name):
        raise AttributeError("'_csv.reader' object has no attribute '%s'"
                             % name)

    def __iter__(self):
        return self

    def __next__(self):
        d = self.dialect
        delim = d._delimiter
        esc = d._escapechar
        quoting = d._quoting
        quote = d._quotechar if quoting != QUOTE_NONE else None
        skipws = d._skipinitialspace
        doublequote = d._doublequote
        strict = d._strict
        nonnum = quoting == QUOTE_NONNUMERIC
        it = self._iter
        setf = object.__setattr__

        fields = []
        field = []          # pieces of the current field
        flen = 0            # its length in characters
        numeric = False
        state = _START_RECORD
        while True:
            try:
                line = next(it)
            except StopIteration:
                if flen != 0 or state == _IN_QUOTED_FIELD:
                    if strict:
                        raise Error("unexpected end of data") from None
                    value = "".join(field)
                    if numeric:
                        value = float(value)
                    fields.append(value)
                    return fields
                raise
            if not isinstance(line, str):
                raise Error("iterator should return strings, not %.200s "
                            "(the file should be opened in text mode)"
                            % type(line).__name__)
            setf(self, "line_num", self.line_num + 1)
            limit = _field_limit[0]

            # Fast path: a whole record with no quoting, escaping or
            # leading-space handling involved.
            if (state == _START_RECORD and not skipws
                    and (quote is None or quote not in line)
                    and (esc is None or esc not in line)):
                body = line
                if body.endswith("\r\n"):
                    body = body[:-2]
                elif body.endswith("\n") or body.endswith("\r"):
                    body = body[:-1]
                if "\n" not in body and "\r" not in body:
                    if not body:
                        return fields
                    for value in body.split(delim):
                        if len(value) > limit:
                            raise _limit_error(limit)
                        if nonnum and value:
                            value = float(value)
                        fields.append(value)
                    return fields

            n = len(line)
            i = 0
            while i <= n:
                c = line[i] if i < n else _EOL
                i += 1
                if state == _START_RECORD:
                    if c == _EOL:
                        continue
                    if c == "\n" or c == "\r":
                        state = _EAT_CRNL
                        continue
                    state = _START_FIELD
                    # fall through to _START_FIELD below
                if state == _START_FIELD:
                    if c == "\n" or c == "\r" or c == _EOL:
                        fields.append("")
                        state = _START_RECORD if c == _EOL else _EAT_CRNL
                    elif c == quote:
                        state = _IN_QUOTED_FIELD
                    elif c == esc:
                        state = _ESCAPED_CHAR
                    elif c == " " and skipws:
                        pass
                    elif c == delim:
                        fields.append("")
                    else:
                        if nonnum:
                            numeric = True
                        if flen >= limit:
                            raise _limit_error(limit)
                        field.append(c)
                        flen += 1
                        state = _IN_FIELD
                elif state == _IN_FIELD or state == _AFTER_ESCAPED_CRNL:
                    if state == _AFTER_ESCAPED_CRNL and c == _EOL:
                        continue
                    if c == "\n" or c == "\r" or c == _EOL:
                        value = "".join(field)
                        if numeric:
                            value = float(value)
                            numeric = False
                        fields.append(value)
                        field = []
                        flen = 0
                        state = _START_RECORD if c == _EOL else _EAT_CRNL
                    elif c == esc:
                        state = _ESCAPED_CHAR
                    elif c == delim:
                        value = "".join(field)
                        if numeric:
                            value = float(value)
                            numeric = False
                        fields.append(value)
                        field = []
                        flen = 0
                        state = _START_FIELD
                    else:
                        # a run of ordinary characters (the state does not
                        # change: _AFTER_ESCAPED_CRNL stays, as in 3.11)
                        j = i
                        while j < n:
                            cj = line[j]
                            if (cj == delim or cj == "\n" or cj == "\r"
                                    or cj == esc):
                                break
                            j += 1
                        run = j - i + 1
                        if flen + run > limit:
                            raise _limit_error(limit)
                        field.append(line[i - 1:j])
                        flen += run
                        i = j
                elif state == _IN_QUOTED_FIELD:
                    if c == _EOL:
                        pass
                    elif c == esc:
                        state = _ESCAPE_IN_QUOTED_FIELD
                    elif c == quote:
                        if doublequote:
                            state = _QUOTE_IN_QUOTED_FIELD
                        else:
                            state = _IN_FIELD
                    else:
                        # a run of ordinary characters
                        j = i
                        while j < n:
                            cj = line[j]
                            if cj == quote or cj == esc:
                                break
                            j += 1
                        run = j - i + 1
                        if flen + run > limit:
                            raise _limit_error(limit)
                        field.append(line[i - 1:j])
                        flen += run
                        i = j
                elif state == _ESCAPED_CHAR:
                    if c == "\n" or c == "\r":
                        if flen >= limit:
                            raise _limit_error(limit)
                        field.append(c)
                        flen += 1
                        state = _AFTER_ESCAPED_CRNL
                        continue
                    if c == _EOL:
                        c = "\n"
                    if flen >= limit:
                        raise _limit_error(limit)
                    field.append(c)
                    flen += 1
                    state = _IN_FIELD
                elif state == _ESCAPE_IN_QUOTED_FIELD:
                    if c == _EOL:
                        c = "\n"
                    if flen >= limit:
                        raise _limit_error(limit)
                    field.append(c)
                    flen += 1
                    state = _IN_QUOTED_FIELD
                elif state == _QUOTE_IN_QUOTED_FIELD:
                    if c == quote:
                        if flen >= limit:
                            raise _limit_error(limit)
                        field.append(c)
                        flen += 1
                        state = _IN_QUOTED_FIELD
                    elif c == delim:
                        value = "".join(field)
                        if numeric:
                            value = float(value)
                            numeric = False
                        fields.append(value)
                        field = []
                        flen = 0
                        state = _START_FIELD
                    elif c == "\n" or c == "\r" or c == _EOL:
                        value = "".join(field)
                        if numeric:
                            value = float(value)
                            numeric = False
                        fields.append(value)
                        field = []
                        flen = 0
                        state = _START_RECORD if c == _EOL else _EAT_CRNL
                    elif not strict:
                        if flen >= limit:
                            raise _limit_error(limit)
                        field.append(c)
                        flen += 1
                        state = _IN_FIELD
                    else:
                        raise Error("'%s' expected after '%s'"
                                    % (delim, quote))
                else:   # _EAT_CRNL
                    if c == "\n" or c == "\r":
                        pass
                    elif c == _EOL:
                        state = _START_RECORD
                    else:
                        raise Error(_NEWLINE_ERROR)
            if state == _START_RECORD:
                return fields

    def __reduce_ex__(self, protocol):
        raise TypeError("cannot pickle '_csv.reader' object")


_Reader.__name__ = "reader"
_Reader.__qualname__ = "reader"
_Reader.__module__ = "_csv"


def reader(*args, **kwargs):
    """    csv_reader = reader(iterable [, dialect='excel']
                        [optional keyword args])
    for row in csv_reader:
        process(row)

The "iterable" argument can be any object that returns a line
of input for each iteration, such as a file object or a list.  The
optional "dialect" parameter is discussed below.  The function
also accepts optional keyword arguments which override settings
provided by the dialect.

The returned object is an iterator.  Each iteration returns a row
of the CSV file (which can span multiple input lines).
"""
    if not 1 <= len(args) <= 2:
        _arg_count_error(args)
    iterator = iter(args[0])
    dialect = _call_dialect(args[1] if len(args) == 2 else _MISSING, kwargs)
    return _Reader(iterator, dialect)


# ------------------------------------------------------------------ writer

def _is_number(obj):
    # PyNumber_Check: has __index__, __int__ or __float__, or is complex.
    t = type(obj)
    return (hasattr(t, "__index__") or hasattr(t, "__int__")
            or hasattr(t, "__float__") or isinstance(obj, complex))


class _Writer:
    """CSV writer

Writer objects are responsible for generating tabular data
in CSV format from sequence input.
"""

    def __init__(self, write, dialect):
        setf = object.__setattr__
        setf(self, "_write", write)
        setf(self, "dialect", dialect)
        d = dialect
        specials = [d._delimiter]
        if d._escapechar is not None:
            specials.append(d._escapechar)
        if d._quotechar is not None:
            specials.append(d._quotechar)
        for ch in d._lineterminator:
            if ch not in specials:
                specials.append(ch)
        setf(self, "_specials", specials)

    def __setattr__(self, name, value):
        if name == "dialect":
            raise AttributeError("readonly attribute")
        raise AttributeError("'_csv.writer' object has no attribute '%s'"
                             % name)

    def __getattr__(self, name):
        raise AttributeError("'_csv.writer' object has no attribute '%s'"
                             % name)

    def _field(self, text, quoted):
        # One field's output text (without the separator).
        d = self.dialect
        for ch in self._specials:
            if ch in text:
                break
        else:
            if quoted:
                return d._quotechar + text + d._quotechar
            return text
        delim = d._delimiter
        esc = d._escapechar
        quote = d._quotechar
        doublequote = d._doublequote
        quoting = d._quoting
        lt = d._lineterminator
        out = []
        for c in text:
            if c == delim or c == esc or c == quote or c in lt:
                want_escape = False
                if quoting == QUOTE_NONE:
                    want_escape = True
                else:
                    if c == quote:
                        if doublequote:
                            out.append(quote)
                        else:
                            want_escape = True
                    elif c == esc:
                        want_escape = True
                    if not want_escape:
                        quoted = True
                if want_escape:
                    if esc is None:
                        raise Error("need to escape, but no escapechar set")
                    out.append(esc)
            out.append(c)
        body = "".join(out)
        if quoted:
            return quote + body + quote
        return body

    def writerow(self, row):
        """writerow(iterable)

Construct and write a CSV record from an iterable of fields.  Non-string
elements will be converted to string."""
        try:
            it = iter(row)
        except TypeError:
            it = None
        if it is None:
            raise Error("iterable expected, not %.200s" % type(row).__name__)
        d = self.dialect
        quoting = d._quoting
        parts = []
        for field in it:
            if quoting == QUOTE_NONNUMERIC:
                quoted = not _is_number(field)
            else:
                quoted = quoting == QUOTE_ALL
            if isinstance(field, str):
                text = field
            elif field is None:
                text = ""
            else:
                text = str(field)
            parts.append(self._field(text, quoted))
        line = d._delimiter.join(parts)
        if parts and not line:
            if quoting == QUOTE_NONE:
                raise Error("single empty field record must be quoted")
            line = d._quotechar * 2
        return self._write(line + d._lineterminator)

    def writerows(self, rows):
        """writerows(iterable of iterables)

Construct and write a series of iterables to a csv file.  Non-string
elements will be converted to string."""
        for row in rows:
            self.writerow(row)
        return None

    def __reduce_ex__(self, protocol):
        raise TypeError("cannot pickle '_csv.writer' object")


_Writer.__name__ = "writer"
_Writer.__qualname__ = "writer"
_Writer.__module__ = "_csv"


def writer(*args, **kwargs):
    """    csv_writer = csv.writer(fileobj [, dialect='excel']
                            [optional keyword args])
    for row in sequence:
        csv_writer.writerow(row)

    [or]

    csv_writer = csv.writer(fileobj [, dialect='excel']
                            [optional keyword args])
    csv_writer.writerows(rows)

The "fileobj" argument can be any object that supports the file API.
"""
    if not 1 <= len(args) <= 2:
        _arg_count_error(args)
    write = getattr(args[0], "write", None)
    if write is None or not callable(write):
        raise TypeError('argument 1 must have a "write" method')
    dialect = _call_dialect(args[1] if len(args) == 2 else _MISSING, kwargs)
    return _Writer(write, dialect)


# ------------------------------------------------- Python-level dialects

class Dialect:
    """Describe a CSV dialect.

    Subclass it (as csv.excel does) and set the attributes delimiter,
    quotechar, escapechar, doublequote, skipinitialspace, lineterminator
    and quoting.
    """
    _name = ""
    _valid = False
    delimiter = None
    quotechar = None
    escapechar = None
    doublequote = None
    skipinitialspace = None
    lineterminator = None
    quoting = None

    def __init__(self):
        if self.__class__ != Dialect:
            self._valid = True
        self._validate()

    def _validate(self):
        try:
            _CsvDialect(self)
        except TypeError as e:
            raise Error(str(e))


class excel(Dialect):
    """Describe the usual properties of Excel-generated CSV files."""
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\r\n'
    quoting = QUOTE_MINIMAL


register_dialect("excel", excel)


class excel_tab(excel):
    """Describe the usual properties of Excel-generated TAB-delimited files."""
    delimiter = '\t'


register_dialect("excel-tab", excel_tab)


class unix_dialect(Dialect):
    """Describe the usual properties of Unix-generated CSV files."""
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\n'
    quoting = QUOTE_ALL


register_dialect("unix", unix_dialect)


# ------------------------------------------------- DictReader / DictWriter

class DictReader:
    def __init__(self, f, fieldnames=None, restkey=None, restval=None,
                 dialect="excel", *args, **kwds):
        self._fieldnames = fieldnames
        self.restkey = restkey
        self.restval = restval
        self.reader = reader(f, dialect, *args, **kwds)
        self.dialect = dialect
        self.line_num = 0

    def __iter__(self):
        return self

    @property
    def fieldnames(self):
        if self._fieldnames is None:
            try:
                self._fieldnames = next(self.reader)
            except StopIteration:
                pass
        self.line_num = self.reader.line_num
        return self._fieldnames

    @fieldnames.setter
    def fieldnames(self, value):
        self._fieldnames = value

    def __next__(self):
        if self.line_num == 0:
            self.fieldnames             # reads the header row if needed
        row = next(self.reader)
        self.line_num = self.reader.line_num
        while row == []:                # blank lines give no dict
            row = next(self.reader)
        names = self.fieldnames
        result = dict(zip(names, row))
        nnames = len(names)
        nrow = len(row)
        if nnames < nrow:
            result[self.restkey] = row[nnames:]
        elif nnames > nrow:
            for key in names[nrow:]:
                result[key] = self.restval
        return result


class DictWriter:
    def __init__(self, f, fieldnames, restval="", extrasaction="raise",
                 dialect="excel", *args, **kwds):
        self.fieldnames = fieldnames
        self.restval = restval
        if extrasaction.lower() not in ("raise", "ignore"):
            raise ValueError("extrasaction (%s) must be 'raise' or 'ignore'"
                             % extrasaction)
        self.extrasaction = extrasaction
        self.writer = writer(f, dialect, *args, **kwds)

    def writeheader(self):
        return self.writerow(dict(zip(self.fieldnames, self.fieldnames)))

    def _dict_to_list(self, rowdict):
        if self.extrasaction == "raise":
            extra = rowdict.keys() - self.fieldnames
            if extra:
                raise ValueError("dict contains fields not in fieldnames: "
                                 + ", ".join([repr(k) for k in extra]))
        return (rowdict.get(key, self.restval) for key in self.fieldnames)

    def writerow(self, rowdict):
        return self.writer.writerow(self._dict_to_list(rowdict))

    def writerows(self, rowdicts):
        return self.writer.writerows(map(self._dict_to_list, rowdicts))


# ----------------------------------------------------------------- Sniffer

class Sniffer:
    '''
    "Sniffs" the format of a CSV file (i.e. delimiter, quotechar)
    Returns a Dialect object.
    '''

    def __init__(self):
        # tie-breaking order when several delimiters are plausible
        self.preferred = [',', '\t', ';', ' ', ':']

    def sniff(self, sample, delimiters=None):
        """
        Returns a dialect (or None) corresponding to the sample
        """
        quotechar, doublequote, delimiter, skipinitialspace = \
            self._guess_quote_and_delimiter(sample, delimiters)
        if not delimiter:
            delimiter, skipinitialspace = self._guess_delimiter(sample,
                                                                delimiters)
        if not delimiter:
            raise Error("Could not determine delimiter")

        class dialect(Dialect):
            _name = "sniffed"
            lineterminator = '\r\n'
            quoting = QUOTE_MINIMAL

        dialect.doublequote = doublequote
        dialect.delimiter = delimiter
        dialect.quotechar = quotechar or '"'    # '' is not a valid quotechar
        dialect.skipinitialspace = skipinitialspace
        return dialect

    # Patterns for a quoted run framed by a probable delimiter, tried in
    # order: delimiter on both sides, at line start, at line end, alone.
    _QUOTE_PATTERNS = (
        r'(?P<delim>[^\w\n"\'])(?P<space> ?)(?P<quote>["\']).*?'
        r'(?P=quote)(?P=delim)',
        r'(?:^|\n)(?P<quote>["\']).*?(?P=quote)(?P<delim>[^\w\n"\'])'
        r'(?P<space> ?)',
        r'(?P<delim>[^\w\n"\'])(?P<space> ?)(?P<quote>["\']).*?'
        r'(?P=quote)(?:$|\n)',
        r'(?:^|\n)(?P<quote>["\']).*?(?P=quote)(?:$|\n)',
    )

    def _guess_quote_and_delimiter(self, data, delimiters):
        """Find the quote character (and, with luck, the delimiter) from
        quoted text framed by the same character on both sides, such as
        ,'some text',  -- the most frequent quote and delimiter win."""
        import re       # only the Sniffer needs it (keeps "import csv" cheap)
        found = []
        for pattern in self._QUOTE_PATTERNS:
            regexp = re.compile(pattern, re.DOTALL | re.MULTILINE)
            found = regexp.findall(data)
            if found:
                break
        if not found:
            return ('', False, None, 0)

        index = regexp.groupindex
        quote_pos = index['quote'] - 1
        delim_pos = index['delim'] - 1 if 'delim' in index else None
        space_pos = index['space'] - 1 if 'space' in index else None
        quote_count = {}
        delim_count = {}
        spaced = 0
        for groups in found:
            q = groups[quote_pos]
            if q:
                quote_count[q] = quote_count.get(q, 0) + 1
            if delim_pos is None:
                continue
            dl = groups[delim_pos]
            if dl and (delimiters is None or dl in delimiters):
                delim_count[dl] = delim_count.get(dl, 0) + 1
            if space_pos is None:
                continue
            if groups[space_pos]:
                spaced += 1

        quotechar = max(quote_count, key=quote_count.get)
        if delim_count:
            delim = max(delim_count, key=delim_count.get)
            skipinitialspace = delim_count[delim] == spaced
            if delim == '\n':           # probably a single column
                delim = ''
        else:
            delim = ''                  # one column of quoted data
            skipinitialspace = 0

        # a quote doubled inside a quoted field means doublequote
        ed = re.escape(delim)
        dq_regexp = re.compile(
            r"((%s)|^)\W*%s[^%s\n]*%s[^%s\n]*%s\W*((%s)|$)"
            % (ed, quotechar, ed, quotechar, ed, quotechar, ed),
            re.MULTILINE)
        doublequote = bool(dq_regexp.search(data))
        return (quotechar, doublequote, delim, skipinitialspace)

    def _guess_delimiter(self, data, delimiters):
        """Pick the character whose per-line count is most consistent.

        Lines are examined ten at a time: for each 7-bit character, the
        most common per-line count (less the lines that disagree) is its
        mode; characters whose mode holds on at least 90% of the lines so
        far (trying 100%, 99%, ... down to 90%) are candidates.  One
        candidate wins at once; several are resolved by self.preferred,
        then by the best (mode, score)."""
        lines = [line for line in data.split('\n') if line]
        chars = [chr(c) for c in range(127)]
        chunk = min(10, len(lines))
        rounds = 0
        frequencies = {}        # char -> {count on a line: lines}
        modes = {}
        candidates = {}
        start, end = 0, chunk
        while start < len(lines):
            rounds += 1
            for line in lines[start:end]:
                for ch in chars:
                    table = frequencies.get(ch, {})
                    count = line.count(ch)
                    table[count] = table.get(count, 0) + 1
                    frequencies[ch] = table

            for ch in frequencies.keys():
                items = list(frequencies[ch].items())
                if len(items) == 1 and items[0][0] == 0:
                    continue
                if len(items) > 1:
                    best = max(items, key=lambda item: item[1])
                    items.remove(best)
                    modes[ch] = (best[0],
                                 best[1] - sum(item[1] for item in items))
                else:
                    modes[ch] = items[0]

            total = float(min(chunk * rounds, len(lines)))
            consistency = 1.0
            while len(candidates) == 0 and consistency >= 0.9:
                for ch, mode in modes.items():
                    if mode[0] > 0 and mode[1] > 0:
                        if (mode[1] / total >= consistency and
                                (delimiters is None or ch in delimiters)):
                            candidates[ch] = mode
                consistency -= 0.01

            if len(candidates) == 1:
                delim = list(candidates.keys())[0]
                return (delim, self._spaced(lines[0], delim))

            start = end
            end += chunk

        if not candidates:
            return ('', 0)

        if len(candidates) > 1:
            for ch in self.preferred:
                if ch in candidates.keys():
                    return (ch, self._spaced(lines[0], ch))

        ranked = sorted((mode, ch) for ch, mode in candidates.items())
        delim = ranked[-1][1]
        return (delim, self._spaced(lines[0], delim))

    @staticmethod
    def _spaced(line, delim):
        # every delimiter on the line is followed by a space
        return line.count(delim) == line.count(delim + ' ')

    def has_header(self, sample):
        """Guess whether the first row of sample is a header: each column
        whose later rows agree on a type (complex-convertible) or on a
        length votes for a header when the first row disagrees, and
        against it when the first row agrees."""
        from io import StringIO
        rows = reader(StringIO(sample), self.sniff(sample))
        header = next(rows)
        ncols = len(header)
        column_types = {}
        for col in range(ncols):
            column_types[col] = None

        checked = 0
        for row in rows:
            if checked > 20:            # enough rows
                break
            checked += 1
            if len(row) != ncols:
                continue                # irregular row
            for col in list(column_types.keys()):
                kind = complex
                try:
                    kind(row[col])
                except (ValueError, OverflowError):
                    kind = len(row[col])
                if kind != column_types[col]:
                    if column_types[col] is None:
                        column_types[col] = kind
                    else:
                        del column_types[col]   # inconsistent column

        votes = 0
        for col, kind in column_types.items():
            if type(kind) == type(0):
                if len(header[col]) != kind:
                    votes += 1
                else:
                    votes -= 1
            else:
                try:
                    kind(header[col])
                except (ValueError, TypeError):
                    votes += 1
                else:
                    votes -= 1
        return votes > 0
