"""codecs -- codec registry and base classes (Weft, the common part).

encode/decode/lookup for the text encodings str.encode/bytes.decode
support, plus the bytes-to-bytes and text codecs 'hex', 'base64',
'rot13' and 'unicode_escape'-free helpers; the BOM constants;
getencoder/getdecoder/getincrementalencoder (simple); open() as
io.open with an encoding; register() for search functions.  The search
function list is appended to under no lock (registration happens at
import time in practice).
"""

import sys

__all__ = ["register", "lookup", "open", "encode", "decode", "BOM",
           "BOM_BE", "BOM_LE", "BOM32_BE", "BOM32_LE", "BOM64_BE", "BOM64_LE",
           "BOM_UTF8", "BOM_UTF16", "BOM_UTF16_LE", "BOM_UTF16_BE",
           "BOM_UTF32", "BOM_UTF32_LE", "BOM_UTF32_BE", "CodecInfo",
           "Codec", "getencoder", "getdecoder", "getincrementalencoder",
           "getincrementaldecoder", "strict_errors", "ignore_errors",
           "replace_errors", "iterencode", "iterdecode", "register_error",
           "lookup_error"]

BOM_UTF8 = b'\xef\xbb\xbf'
BOM_LE = BOM_UTF16_LE = b'\xff\xfe'
BOM_BE = BOM_UTF16_BE = b'\xfe\xff'
BOM_UTF32_LE = b'\xff\xfe\x00\x00'
BOM_UTF32_BE = b'\x00\x00\xfe\xff'
if sys.byteorder == 'little':
    BOM = BOM_UTF16 = BOM_UTF16_LE
    BOM_UTF32 = BOM_UTF32_LE
else:
    BOM = BOM_UTF16 = BOM_UTF16_BE
    BOM_UTF32 = BOM_UTF32_BE
BOM32_LE = BOM_UTF16_LE
BOM32_BE = BOM_UTF16_BE
BOM64_LE = BOM_UTF32_LE
BOM64_BE = BOM_UTF32_BE


class CodecInfo(tuple):
    """Codec details when looking up the codec registry"""

    _is_text_encoding = True

    def __new__(cls, encode, decode, streamreader=None, streamwriter=None,
                incrementalencoder=None, incrementaldecoder=None, name=None,
                *, _is_text_encoding=None):
        self = tuple.__new__(cls, (encode, decode, streamreader, streamwriter))
        self.name = name
        self.encode = encode
        self.decode = decode
        self.incrementalencoder = incrementalencoder
        self.incrementaldecoder = incrementaldecoder
        self.streamwriter = streamwriter
        self.streamreader = streamreader
        if _is_text_encoding is not None:
            self._is_text_encoding = _is_text_encoding
        return self

    def __repr__(self):
        return "<%s.%s object for encoding %s at %#x>" % \
            (self.__class__.__module__, self.__class__.__qualname__,
             self.name, id(self))


class Codec:
    def encode(self, input, errors='strict'):
        raise NotImplementedError

    def decode(self, input, errors='strict'):
        raise NotImplementedError


class IncrementalEncoder(object):
    def __init__(self, errors='strict'):
        self.errors = errors
        self.buffer = ""

    def encode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return 0

    def setstate(self, state):
        pass


class IncrementalDecoder(object):
    def __init__(self, errors='strict'):
        self.errors = errors

    def decode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return (b"", 0)

    def setstate(self, state):
        pass


def _normalize(encoding):
    e = encoding.lower().replace('-', '_').replace(' ', '_')
    return e


_ALIASES = {
    'utf8': 'utf-8', 'utf_8': 'utf-8', 'u8': 'utf-8', 'utf': 'utf-8', 'cp65001': 'utf-8',
    'utf_8_sig': 'utf-8-sig', 'latin_1': 'latin-1', 'latin1': 'latin-1', 'iso_8859_1': 'latin-1',
    'iso8859_1': 'latin-1', 'l1': 'latin-1', '8859': 'latin-1', 'cp819': 'latin-1',
    'ascii': 'ascii', 'us_ascii': 'ascii', '646': 'ascii',
    'utf_16': 'utf-16', 'utf16': 'utf-16', 'utf_16_le': 'utf-16-le', 'utf_16le': 'utf-16-le',
    'utf_16_be': 'utf-16-be', 'utf_16be': 'utf-16-be', 'utf_32': 'utf-32', 'utf32': 'utf-32',
    'utf_32_le': 'utf-32-le', 'utf_32_be': 'utf-32-be',
    'hex': 'hex', 'hex_codec': 'hex', 'base64': 'base64', 'base64_codec': 'base64',
    'base_64': 'base64', 'rot13': 'rot-13', 'rot_13': 'rot-13',
}

_search_functions = []
_cache = {}


def register(search_function):
    """Register a codec search function."""
    if not callable(search_function):
        raise TypeError("argument must be callable")
    _search_functions.append(search_function)


def unregister(search_function):
    try:
        _search_functions.remove(search_function)
    except ValueError:
        pass
    _cache.clear()


def _text_codec(name):
    def enc(input, errors='strict'):
        return input.encode(name, errors), len(input)

    def dec(input, errors='strict'):
        return bytes(input).decode(name, errors), len(input)
    return CodecInfo(enc, dec, name=name)


def _hex_codec():
    import binascii

    def enc(input, errors='strict'):
        return binascii.b2a_hex(input), len(input)

    def dec(input, errors='strict'):
        return binascii.a2b_hex(input), len(input)
    return CodecInfo(enc, dec, name='hex', _is_text_encoding=False)


def _base64_codec():
    import base64

    def enc(input, errors='strict'):
        return base64.encodebytes(input), len(input)

    def dec(input, errors='strict'):
        return base64.decodebytes(input), len(input)
    return CodecInfo(enc, dec, name='base64', _is_text_encoding=False)


def _rot13_codec():
    def rot(s):
        out = []
        for c in s:
            if 'a' <= c <= 'z':
                out.append(chr((ord(c) - 97 + 13) % 26 + 97))
            elif 'A' <= c <= 'Z':
                out.append(chr((ord(c) - 65 + 13) % 26 + 65))
            else:
                out.append(c)
        return ''.join(out)

    def enc(input, errors='strict'):
        return rot(input), len(input)
    return CodecInfo(enc, enc, name='rot-13', _is_text_encoding=False)


def lookup(encoding):
    """Looks up a codec tuple in the Python codec registry."""
    key = _normalize(encoding)
    info = _cache.get(key)
    if info is not None:
        return info
    for fn in _search_functions:
        info = fn(key)
        if info is not None:
            _cache[key] = info
            return info
    name = _ALIASES.get(key, key.replace('_', '-'))
    if name == 'hex':
        info = _hex_codec()
    elif name == 'base64':
        info = _base64_codec()
    elif name == 'rot-13':
        info = _rot13_codec()
    else:
        try:
            'a'.encode(name)
        except LookupError:
            raise LookupError("unknown encoding: %s" % encoding) from None
        info = _text_codec(name)
        if name == 'latin-1':
            info.name = 'iso8859-1'
    _cache[key] = info
    return info


def encode(obj, encoding='utf-8', errors='strict'):
    """Encodes obj using the codec registered for encoding."""
    return lookup(encoding).encode(obj, errors)[0]


def decode(obj, encoding='utf-8', errors='strict'):
    """Decodes obj using the codec registered for encoding."""
    return lookup(encoding).decode(obj, errors)[0]


def getencoder(encoding):
    return lookup(encoding).encode


def getdecoder(encoding):
    return lookup(encoding).decode


def getincrementalencoder(encoding):
    info = lookup(encoding)

    class _Enc(IncrementalEncoder):
        def encode(self, input, final=False):
            return info.encode(input, self.errors)[0]
    return _Enc


def getincrementaldecoder(encoding):
    info = lookup(encoding)

    class _Dec(IncrementalDecoder):
        def __init__(self, errors='strict'):
            super().__init__(errors)
            self._pending = b''

        def decode(self, input, final=False):
            data = self._pending + bytes(input)
            if final:
                self._pending = b''
                return info.decode(data, self.errors)[0]
            # keep an incomplete trailing UTF-8 sequence for later
            for cut in range(len(data), max(len(data) - 4, -1), -1):
                try:
                    out = info.decode(data[:cut], self.errors)[0]
                except UnicodeDecodeError:
                    continue
                self._pending = data[cut:]
                return out
            return info.decode(data, self.errors)[0]
    return _Dec


def getreader(encoding):
    return lookup(encoding).streamreader


def getwriter(encoding):
    return lookup(encoding).streamwriter


def open(filename, mode='r', encoding=None, errors='strict', buffering=-1):
    """Open an encoded file using the given mode and return a wrapped version."""
    import io
    if encoding is not None and 'b' not in mode:
        return io.open(filename, mode, buffering, encoding=encoding, errors=errors)
    if encoding is not None and 'b' in mode:
        mode = mode.replace('b', '')
        return io.open(filename, mode, buffering, encoding=encoding, errors=errors)
    return io.open(filename, mode, buffering)


def iterencode(iterator, encoding, errors='strict', **kwargs):
    encoder = getincrementalencoder(encoding)(errors, **kwargs)
    for input in iterator:
        output = encoder.encode(input)
        if output:
            yield output
    output = encoder.encode("", True)
    if output:
        yield output


def iterdecode(iterator, encoding, errors='strict', **kwargs):
    decoder = getincrementaldecoder(encoding)(errors, **kwargs)
    for input in iterator:
        output = decoder.decode(input)
        if output:
            yield output
    output = decoder.decode(b"", True)
    if output:
        yield output


_error_handlers = {}


def register_error(name, error_handler):
    _error_handlers[name] = error_handler


def lookup_error(name):
    try:
        return _error_handlers[name]
    except KeyError:
        if name in ('strict', 'ignore', 'replace', 'backslashreplace',
                    'xmlcharrefreplace', 'namereplace', 'surrogateescape',
                    'surrogatepass'):
            return globals().get(name + '_errors', strict_errors)
        raise LookupError("unknown error handler name %r" % name) from None


def strict_errors(exc):
    raise exc


def ignore_errors(exc):
    if isinstance(exc, (UnicodeEncodeError, UnicodeDecodeError, UnicodeTranslateError)):
        return ('', exc.end)
    raise TypeError("don't know how to handle %s in error callback" % type(exc).__name__)


def replace_errors(exc):
    if isinstance(exc, UnicodeEncodeError):
        return ('?' * (exc.end - exc.start), exc.end)
    if isinstance(exc, UnicodeDecodeError):
        return ('\ufffd', exc.end)
    raise TypeError("don't know how to handle %s in error callback" % type(exc).__name__)


def backslashreplace_errors(exc):
    if isinstance(exc, UnicodeEncodeError):
        s = exc.object[exc.start:exc.end]
        out = []
        for c in s:
            n = ord(c)
            if n < 0x100:
                out.append('\\x%02x' % n)
            elif n < 0x10000:
                out.append('\\u%04x' % n)
            else:
                out.append('\\U%08x' % n)
        return (''.join(out), exc.end)
    if isinstance(exc, UnicodeDecodeError):
        return (''.join('\\x%02x' % b for b in exc.object[exc.start:exc.end]), exc.end)
    raise TypeError("don't know how to handle %s in error callback" % type(exc).__name__)


def xmlcharrefreplace_errors(exc):
    if isinstance(exc, UnicodeEncodeError):
        return (''.join('&#%d;' % ord(c) for c in exc.object[exc.start:exc.end]), exc.end)
    raise TypeError("don't know how to handle %s in error callback" % type(exc).__name__)
