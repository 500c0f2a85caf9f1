"""linecache -- random access to text lines of source files (Weft).

cache maps a filename to (size, mtime, lines, fullname), as CPython's;
it is shared module state: entries are replaced whole (one dict store),
so a reader sees either the old or the new entry.  Files are read as
UTF-8 (a coding cookie in the first two lines is honoured when the codec
exists).
"""

import sys

__all__ = ["getline", "clearcache", "checkcache", "lazycache"]

cache = {}


def clearcache():
    """Clear the cache entirely."""
    cache.clear()


def getline(filename, lineno, module_globals=None):
    """Get a line for a Python source file from the cache."""
    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ''


def getlines(filename, module_globals=None):
    """Get the lines for a Python source file from the cache."""
    entry = cache.get(filename)
    if entry is not None and len(entry) != 1:
        return entry[2]
    try:
        return updatecache(filename, module_globals)
    except MemoryError:
        clearcache()
        return []


def checkcache(filename=None):
    """Discard cache entries that are out of date."""
    try:
        import os
    except ImportError:
        return
    if filename is None:
        filenames = list(cache.keys())
    elif filename in cache:
        filenames = [filename]
    else:
        return
    for filename in filenames:
        entry = cache.get(filename)
        if entry is None or len(entry) == 1:
            continue
        size, mtime, lines, fullname = entry
        if mtime is None:
            continue
        try:
            stat = os.stat(fullname)
        except (OSError, ValueError):
            cache.pop(filename, None)
            continue
        if size != stat.st_size or mtime != stat.st_mtime:
            cache.pop(filename, None)


def _coding(first_lines):
    for line in first_lines[:2]:
        s = line.lstrip()
        if not s.startswith('#'):
            if s.strip():
                break
            continue
        i = s.find('coding')
        if i >= 0 and s[i + 6:i + 7] in (':', '='):
            rest = s[i + 7:].lstrip()
            name = ''
            for c in rest:
                if c.isalnum() or c in '-_.':
                    name += c
                else:
                    break
            if name:
                return name
    return 'utf-8'


def _read(fullname):
    with open(fullname, 'rb') as f:
        data = f.read()
    head = data[:400].decode('latin-1').split('\n')
    enc = _coding(head)
    if data.startswith(b'\xef\xbb\xbf'):
        data = data[3:]
        enc = 'utf-8'
    try:
        text = data.decode(enc, 'replace')
    except LookupError:
        text = data.decode('utf-8', 'replace')
    return text


def updatecache(filename, module_globals=None):
    """Update a cache entry and return its list of lines."""
    if filename in cache:
        if len(cache[filename]) != 1:
            cache.pop(filename, None)
    if not filename or (filename.startswith('<') and filename.endswith('>')):
        return []
    fullname = filename
    size = mtime = None
    try:
        import os
        try:
            st = os.stat(fullname)
            size, mtime = st.st_size, st.st_mtime
        except OSError:
            found = False
            if not os.path.isabs(filename):
                for dirname in sys.path:
                    try:
                        fullname = os.path.join(dirname, filename)
                        st = os.stat(fullname)
                        size, mtime = st.st_size, st.st_mtime
                        found = True
                        break
                    except (TypeError, AttributeError, OSError, ValueError):
                        continue
            if not found:
                return []
    except ImportError:
        pass
    try:
        text = _read(fullname)
    except (OSError, UnicodeDecodeError, SyntaxError, ValueError):
        return []
    text = text.replace('\r\n', '\n').replace('\r', '\n')
    lines = [line + '\n' for line in text.split('\n')]
    if lines and lines[-1] == '\n':
        lines.pop()
    cache[filename] = size, mtime, lines, fullname
    return lines


def lazycache(filename, module_globals):
    """Seed the cache for filename with module_globals (no lazy loaders in Weft)."""
    return False
