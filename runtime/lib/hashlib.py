"""hashlib -- secure hashes (Weft, pure Python).

md5, sha1, sha224, sha256, sha384 and sha512 as hash objects with
update/digest/hexdigest/copy, name, digest_size and block_size, plus
new(name), algorithms_available/guaranteed and file_digest.  Slow but
exact.  A hash object buffers unprocessed input; it is not locked, so one
object must not be updated from two threads at once.  The round constants
are derived from the primes at import (no tables written out).
"""

__all__ = ('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512',
           'new', 'algorithms_guaranteed', 'algorithms_available',
           'file_digest')

algorithms_guaranteed = frozenset(('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'))
algorithms_available = algorithms_guaranteed

_M32 = 0xFFFFFFFF
_M64 = 0xFFFFFFFFFFFFFFFF


def _primes(n):
    out = []
    c = 2
    while len(out) < n:
        if all(c % p for p in out if p * p <= c):
            out.append(c)
        c += 1
    return out


def _iroot(n, k):
    x = 1 << -(-n.bit_length() // k)
    while True:
        y = ((k - 1) * x + n // x ** (k - 1)) // k
        if y >= x:
            return x
        x = y


_P = _primes(80)
_K256 = [_iroot(p << 96, 3) & _M32 for p in _P[:64]]
_H256 = [_iroot(p << 64, 2) & _M32 for p in _P[:8]]
_H224 = [(_iroot(p << 128, 2) & _M64) & _M32 for p in _P[8:16]]
_K512 = [_iroot(p << 192, 3) & _M64 for p in _P]
_H512 = [_iroot(p << 128, 2) & _M64 for p in _P[:8]]
_H384 = [_iroot(p << 128, 2) & _M64 for p in _P[8:16]]


def _bytes_of(data):
    if isinstance(data, str):
        raise TypeError("Strings must be encoded before hashing")
    return bytes(data)


class _Hash:
    block_size = 64

    def __init__(self, data=b'', *, usedforsecurity=True):
        self._buf = b''
        self._len = 0
        self._init_state()
        if data:
            self.update(data)

    def update(self, data):
        data = _bytes_of(data)
        self._len += len(data)
        buf = self._buf + data
        bs = self.block_size
        n = len(buf) - len(buf) % bs
        for off in range(0, n, bs):
            self._compress(buf[off:off + bs])
        self._buf = buf[n:]

    def copy(self):
        c = object.__new__(type(self))
        c.__dict__.update(self.__dict__)
        c._state = list(self._state)
        return c

    def digest(self):
        c = self.copy()
        c._finish()
        return c._output()

    def hexdigest(self):
        return self.digest().hex()

    def __repr__(self):
        return '<%s _hashlib.HASH object @ %#x>' % (self.name, id(self))


class _MD5(_Hash):
    name = 'md5'
    digest_size = 16

    _S = [7, 12, 17, 22] * 4 + [5, 9, 14, 20] * 4 + [4, 11, 16, 23] * 4 + [6, 10, 15, 21] * 4

    def _init_state(self):
        self._state = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476]

    def _compress(self, block):
        M = [int.from_bytes(block[4 * i:4 * i + 4], 'little') for i in range(16)]
        a, b, c, d = self._state
        S = self._S
        K = _MD5_K
        for i in range(64):
            if i < 16:
                f = (b & c) | (~b & d)
                g = i
            elif i < 32:
                f = (d & b) | (~d & c)
                g = (5 * i + 1) % 16
            elif i < 48:
                f = b ^ c ^ d
                g = (3 * i + 5) % 16
            else:
                f = c ^ (b | (~d & _M32))
                g = (7 * i) % 16
            f = (f + a + K[i] + M[g]) & _M32
            a = d
            d = c
            c = b
            b = (b + (((f << S[i]) | (f >> (32 - S[i]))) & _M32)) & _M32
        st = self._state
        self._state = [(st[0] + a) & _M32, (st[1] + b) & _M32,
                       (st[2] + c) & _M32, (st[3] + d) & _M32]

    def _finish(self):
        ml = (self._len * 8) & _M64
        pad = b'\x80' + b'\x00' * ((55 - self._len) % 64) + ml.to_bytes(8, 'little')
        self.update(pad)

    def _output(self):
        return b''.join(x.to_bytes(4, 'little') for x in self._state)


def _md5_k():
    import math
    return [int(abs(math.sin(i + 1)) * 2 ** 32) & _M32 for i in range(64)]


_MD5_K = _md5_k()


def _rol32(x, n):
    return ((x << n) | (x >> (32 - n))) & _M32


def _ror32(x, n):
    return ((x >> n) | (x << (32 - n))) & _M32


def _ror64(x, n):
    return ((x >> n) | (x << (64 - n))) & _M64


class _SHA1(_Hash):
    name = 'sha1'
    digest_size = 20

    def _init_state(self):
        self._state = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0]

    def _compress(self, block):
        w = [int.from_bytes(block[4 * i:4 * i + 4], 'big') for i in range(16)]
        for i in range(16, 80):
            w.append(_rol32(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1))
        a, b, c, d, e = self._state
        for i in range(80):
            if i < 20:
                f = (b & c) | (~b & d)
                k = 0x5A827999
            elif i < 40:
                f = b ^ c ^ d
                k = 0x6ED9EBA1
            elif i < 60:
                f = (b & c) | (b & d) | (c & d)
                k = 0x8F1BBCDC
            else:
                f = b ^ c ^ d
                k = 0xCA62C1D6
            t = (_rol32(a, 5) + (f & _M32) + e + k + w[i]) & _M32
            e = d
            d = c
            c = _rol32(b, 30)
            b = a
            a = t
        self._state = [(x + y) & _M32 for x, y in zip(self._state, (a, b, c, d, e))]

    def _finish(self):
        ml = (self._len * 8) & _M64
        pad = b'\x80' + b'\x00' * ((55 - self._len) % 64) + ml.to_bytes(8, 'big')
        self.update(pad)

    def _output(self):
        return b''.join(x.to_bytes(4, 'big') for x in self._state)


class _SHA256(_Hash):
    name = 'sha256'
    digest_size = 32

    def _init_state(self):
        self._state = list(_H256)

    def _compress(self, block):
        w = [int.from_bytes(block[4 * i:4 * i + 4], 'big') for i in range(16)]
        for i in range(16, 64):
            s0 = _ror32(w[i - 15], 7) ^ _ror32(w[i - 15], 18) ^ (w[i - 15] >> 3)
            s1 = _ror32(w[i - 2], 17) ^ _ror32(w[i - 2], 19) ^ (w[i - 2] >> 10)
            w.append((w[i - 16] + s0 + w[i - 7] + s1) & _M32)
        a, b, c, d, e, f, g, h = self._state
        K = _K256
        for i in range(64):
            S1 = _ror32(e, 6) ^ _ror32(e, 11) ^ _ror32(e, 25)
            ch = (e & f) ^ (~e & g)
            t1 = (h + S1 + ch + K[i] + w[i]) & _M32
            S0 = _ror32(a, 2) ^ _ror32(a, 13) ^ _ror32(a, 22)
            maj = (a & b) ^ (a & c) ^ (b & c)
            t2 = (S0 + maj) & _M32
            h, g, f, e, d, c, b, a = g, f, e, (d + t1) & _M32, c, b, a, (t1 + t2) & _M32
        self._state = [(x + y) & _M32 for x, y in zip(self._state, (a, b, c, d, e, f, g, h))]

    def _finish(self):
        ml = (self._len * 8) & _M64
        pad = b'\x80' + b'\x00' * ((55 - self._len) % 64) + ml.to_bytes(8, 'big')
        self.update(pad)

    def _output(self):
        return b''.join(x.to_bytes(4, 'big') for x in self._state)[:self.digest_size]


class _SHA224(_SHA256):
    name = 'sha224'
    digest_size = 28

    def _init_state(self):
        self._state = list(_H224)


class _SHA512(_Hash):
    name = 'sha512'
    digest_size = 64
    block_size = 128

    def _init_state(self):
        self._state = list(_H512)

    def _compress(self, block):
        w = [int.from_bytes(block[8 * i:8 * i + 8], 'big') for i in range(16)]
        for i in range(16, 80):
            s0 = _ror64(w[i - 15], 1) ^ _ror64(w[i - 15], 8) ^ (w[i - 15] >> 7)
            s1 = _ror64(w[i - 2], 19) ^ _ror64(w[i - 2], 61) ^ (w[i - 2] >> 6)
            w.append((w[i - 16] + s0 + w[i - 7] + s1) & _M64)
        a, b, c, d, e, f, g, h = self._state
        K = _K512
        for i in range(80):
            S1 = _ror64(e, 14) ^ _ror64(e, 18) ^ _ror64(e, 41)
            ch = (e & f) ^ (~e & g)
            t1 = (h + S1 + ch + K[i] + w[i]) & _M64
            S0 = _ror64(a, 28) ^ _ror64(a, 34) ^ _ror64(a, 39)
            maj = (a & b) ^ (a & c) ^ (b & c)
            t2 = (S0 + maj) & _M64
            h, g, f, e, d, c, b, a = g, f, e, (d + t1) & _M64, c, b, a, (t1 + t2) & _M64
        self._state = [(x + y) & _M64 for x, y in zip(self._state, (a, b, c, d, e, f, g, h))]

    def _finish(self):
        ml = self._len * 8
        pad = b'\x80' + b'\x00' * ((111 - self._len) % 128) + ml.to_bytes(16, 'big')
        self.update(pad)

    def _output(self):
        return b''.join(x.to_bytes(8, 'big') for x in self._state)[:self.digest_size]


class _SHA384(_SHA512):
    name = 'sha384'
    digest_size = 48

    def _init_state(self):
        self._state = list(_H384)


_CONSTRUCTORS = {'md5': _MD5, 'sha1': _SHA1, 'sha224': _SHA224, 'sha256': _SHA256,
                 'sha384': _SHA384, 'sha512': _SHA512}


def new(name, data=b'', **kwargs):
    """new(name, data=b'') - Return a new hashing object using the named algorithm."""
    try:
        cls = _CONSTRUCTORS[name.lower()]
    except (KeyError, AttributeError):
        raise ValueError('unsupported hash type ' + str(name)) from None
    return cls(data)


def md5(string=b'', *, usedforsecurity=True):
    return _MD5(string)


def sha1(string=b'', *, usedforsecurity=True):
    return _SHA1(string)


def sha224(string=b'', *, usedforsecurity=True):
    return _SHA224(string)


def sha256(string=b'', *, usedforsecurity=True):
    return _SHA256(string)


def sha384(string=b'', *, usedforsecurity=True):
    return _SHA384(string)


def sha512(string=b'', *, usedforsecurity=True):
    return _SHA512(string)


def file_digest(fileobj, digest, /, *, _bufsize=2**18):
    """Hash the contents of a file-like object."""
    if isinstance(digest, str):
        digestobj = new(digest)
    else:
        digestobj = digest()
    while True:
        data = fileobj.read(_bufsize)
        if not data:
            break
        digestobj.update(data)
    return digestobj
