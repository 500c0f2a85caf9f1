"""binascii -- conversions between binary data and ASCII (Weft, pure Python).

hex, base64, crc32 and crc_hqx as CPython's C module, with its error
messages.  The CRC table is built once at import; nothing is mutated later.
"""


class Error(ValueError):
    pass


class Incomplete(Exception):
    pass


def _bytes(data, name='argument'):
    if isinstance(data, str):
        try:
            return data.encode('ascii')
        except UnicodeEncodeError:
            raise ValueError('string argument should contain only ASCII characters')
    try:
        return bytes(memoryview(data)) if not isinstance(data, (bytes, bytearray)) else bytes(data)
    except TypeError:
        raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__) from None


def _bytes_only(data):
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    return _bytes(data)


_HEX = b'0123456789abcdef'


def hexlify(data, sep=None, bytes_per_sep=1):
    """Hexadecimal representation of binary data."""
    data = _bytes_only(data)
    h = data.hex()
    if sep is None:
        return h.encode('ascii')
    if isinstance(sep, bytes):
        sep = sep.decode('ascii')
    if len(sep) != 1:
        raise ValueError("sep must be length 1.")
    return data.hex(sep, bytes_per_sep).encode('ascii')


b2a_hex = hexlify


def unhexlify(hexstr):
    """Binary data of hexadecimal representation."""
    s = _bytes(hexstr)
    if len(s) % 2:
        raise Error('Odd-length string')
    out = bytearray()
    for i in range(0, len(s), 2):
        try:
            out.append(int(s[i:i + 2].decode('ascii'), 16))
        except ValueError:
            raise Error('Non-hexadecimal digit found') from None
        if s[i:i + 1] in (b'+', b'-', b' ') or s[i + 1:i + 2] in (b'+', b'-', b' '):
            raise Error('Non-hexadecimal digit found')
    return bytes(out)


a2b_hex = unhexlify

_B64 = b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
_B64REV = {c: i for i, c in enumerate(_B64)}


def b2a_base64(data, *, newline=True):
    """Base64-code line of data."""
    data = _bytes_only(data)
    out = bytearray()
    n = len(data)
    for i in range(0, n - n % 3, 3):
        v = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2]
        out += bytes((_B64[v >> 18], _B64[(v >> 12) & 63], _B64[(v >> 6) & 63], _B64[v & 63]))
    rest = n % 3
    if rest == 1:
        v = data[n - 1] << 16
        out += bytes((_B64[v >> 18], _B64[(v >> 12) & 63])) + b'=='
    elif rest == 2:
        v = (data[n - 2] << 16) | (data[n - 1] << 8)
        out += bytes((_B64[v >> 18], _B64[(v >> 12) & 63], _B64[(v >> 6) & 63])) + b'='
    if newline:
        out += b'\n'
    return bytes(out)


def a2b_base64(data, *, strict_mode=False):
    """Decode a line of base64 data."""
    s = _bytes(data)
    if strict_mode and s[:1] == b'=':
        raise Error('Leading padding not allowed')
    quad = []
    out = bytearray()
    pads = 0
    ndata = 0
    for pos, c in enumerate(s):
        if c == 0x3d:   # '='
            if len(quad) >= 2 and len(quad) + pads < 4:
                pads += 1
                if len(quad) + pads == 4:
                    # complete: emit and stop at this padded group
                    v = 0
                    for q in quad:
                        v = (v << 6) | q
                    v <<= 6 * (4 - len(quad))
                    out += v.to_bytes(3, 'big')[:len(quad) - 1]
                    quad = []
                    pads = 0
                    if strict_mode and pos != len(s) - 1:
                        raise Error('Excess data after padding')
                    break
            elif strict_mode:
                raise Error('Discontinuous padding not allowed') if quad else Error(
                    'Excess padding not allowed')
            continue
        v = _B64REV.get(c)
        if v is None:
            if strict_mode:
                raise Error('Only base64 data is allowed')
            continue
        if pads:
            if strict_mode:
                raise Error('Discontinuous padding not allowed')
            pads = 0
        quad.append(v)
        ndata += 1
        if len(quad) == 4:
            x = (quad[0] << 18) | (quad[1] << 12) | (quad[2] << 6) | quad[3]
            out += x.to_bytes(3, 'big')
            quad = []
    if quad:
        if len(quad) == 1:
            raise Error('Invalid base64-encoded string: number of data characters (%d) '
                        'cannot be 1 more than a multiple of 4' % ndata)
        raise Error('Incorrect padding')
    return bytes(out)


def _crc32_table():
    table = []
    for i in range(256):
        c = i
        for _ in range(8):
            c = (c >> 1) ^ 0xEDB88320 if c & 1 else c >> 1
        table.append(c)
    return table


_CRC32 = _crc32_table()


def crc32(data, crc=0):
    """Compute CRC-32 incrementally."""
    data = _bytes_only(data)
    crc = (~crc) & 0xFFFFFFFF
    t = _CRC32
    for b in data:
        crc = t[(crc ^ b) & 0xFF] ^ (crc >> 8)
    return (~crc) & 0xFFFFFFFF


def crc_hqx(data, crc):
    """Compute CRC-CCITT incrementally."""
    data = _bytes_only(data)
    crc &= 0xFFFF
    for b in data:
        crc ^= b << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) & 0xFFFF if crc & 0x8000 else (crc << 1) & 0xFFFF
    return crc
