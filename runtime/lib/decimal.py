"""decimal -- decimal fixed and floating point arithmetic (Weft, pure Python).

The commonly used part of the General Decimal Arithmetic model as
CPython's decimal module offers it: Decimal (sign, integer coefficient,
exponent, or Infinity/NaN), Context (prec, rounding, Emin/Emax, traps,
flags), the arithmetic operators, sqrt, quantize, normalize, to_integral,
comparisons/hash consistent with int/float/Fraction, str/repr/format, and
the signal exceptions.  ln/exp/log10 and non-integer powers are computed
through float (not correctly rounded).

Decimal instances are immutable.  The current context is per thread (a
dict keyed by thread id, each entry written only by its own thread);
Context objects themselves are meant for one thread at a time.
"""


def _partition(s, sep):
    """s.partition(sep) (kept independent of the str method)."""
    i = s.find(sep)
    if i < 0:
        return s, s[:0], s[:0]
    return s[:i], sep, s[i + len(sep):]

import math as _math
import numbers as _numbers
import sys

try:
    from _thread import get_ident as _get_ident
except ImportError:
    def _get_ident():
        return 0

from collections import namedtuple as _namedtuple

__all__ = [
    'Decimal', 'Context', 'DecimalTuple', 'DefaultContext', 'BasicContext',
    'ExtendedContext', 'DecimalException', 'Clamped', 'InvalidOperation',
    'DivisionByZero', 'Inexact', 'Rounded', 'Subnormal', 'Overflow',
    'Underflow', 'FloatOperation', 'DivisionImpossible', 'InvalidContext',
    'ConversionSyntax', 'DivisionUndefined', 'ROUND_DOWN', 'ROUND_HALF_UP',
    'ROUND_HALF_EVEN', 'ROUND_CEILING', 'ROUND_FLOOR', 'ROUND_UP',
    'ROUND_HALF_DOWN', 'ROUND_05UP', 'setcontext', 'getcontext',
    'localcontext', 'MAX_PREC', 'MAX_EMAX', 'MIN_EMIN', 'MIN_ETINY',
    'HAVE_THREADS', 'HAVE_CONTEXTVAR',
]

__version__ = '1.70'
__libmpdec_version__ = "2.5.1"

ROUND_DOWN = 'ROUND_DOWN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_UP = 'ROUND_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_05UP = 'ROUND_05UP'
_ROUNDINGS = (ROUND_DOWN, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_CEILING,
              ROUND_FLOOR, ROUND_UP, ROUND_HALF_DOWN, ROUND_05UP)

HAVE_THREADS = True
HAVE_CONTEXTVAR = False
MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)

DecimalTuple = _namedtuple('DecimalTuple', 'sign digits exponent', module='decimal')


# ---------------------------------------------------------------- signals

class DecimalException(ArithmeticError):
    pass


class Clamped(DecimalException):
    pass


class InvalidOperation(DecimalException):
    pass


class ConversionSyntax(InvalidOperation):
    pass


class DivisionByZero(DecimalException, ZeroDivisionError):
    pass


class DivisionImpossible(InvalidOperation):
    pass


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    pass


class Inexact(DecimalException):
    pass


class InvalidContext(InvalidOperation):
    pass


class Rounded(DecimalException):
    pass


class Subnormal(DecimalException):
    pass


class Overflow(Inexact, Rounded):
    pass


class Underflow(Inexact, Rounded, Subnormal):
    pass


class FloatOperation(DecimalException, TypeError):
    pass


for _c in (DecimalException, Clamped, InvalidOperation, ConversionSyntax, DivisionByZero,
           DivisionImpossible, DivisionUndefined, Inexact, InvalidContext, Rounded,
           Subnormal, Overflow, Underflow, FloatOperation):
    _c.__module__ = 'decimal'
del _c

_SIGNALS = [InvalidOperation, FloatOperation, DivisionByZero, Overflow, Underflow,
            Subnormal, Inexact, Rounded, Clamped]
# the order in which libmpdec lists signals in a Context repr
_REPR_ORDER = [InvalidOperation, Clamped, DivisionByZero, Inexact, FloatOperation,
               Overflow, Rounded, Subnormal, Underflow]
_CONDITION_SIGNAL = {ConversionSyntax: InvalidOperation, DivisionImpossible: InvalidOperation,
                     DivisionUndefined: InvalidOperation, InvalidContext: InvalidOperation}


# ---------------------------------------------------------------- context

class Context(object):
    """Contains the context for a Decimal instance."""

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None,
                 capitals=None, clamp=None, flags=None, traps=None,
                 _ignored_flags=None):
        dc = DefaultContext if 'DefaultContext' in globals() else None
        self.prec = prec if prec is not None else (dc.prec if dc else 28)
        self.rounding = rounding if rounding is not None else (dc.rounding if dc else ROUND_HALF_EVEN)
        self.Emin = Emin if Emin is not None else (dc.Emin if dc else -999999)
        self.Emax = Emax if Emax is not None else (dc.Emax if dc else 999999)
        self.capitals = capitals if capitals is not None else (dc.capitals if dc else 1)
        self.clamp = clamp if clamp is not None else (dc.clamp if dc else 0)
        if traps is None:
            self.traps = dict(dc.traps) if dc else \
                {s: (s in (InvalidOperation, DivisionByZero, Overflow)) for s in _SIGNALS}
        elif not isinstance(traps, dict):
            self.traps = {s: (s in traps) for s in _SIGNALS}
        else:
            self.traps = {s: bool(traps.get(s, False)) for s in _SIGNALS}
        if flags is None:
            self.flags = {s: False for s in _SIGNALS}
        elif not isinstance(flags, dict):
            self.flags = {s: (s in flags) for s in _SIGNALS}
        else:
            self.flags = {s: bool(flags.get(s, False)) for s in _SIGNALS}

    def __setattr__(self, name, value):
        if name == 'prec':
            if not isinstance(value, int):
                raise TypeError("an integer is required")
            if not 1 <= value <= MAX_PREC:
                raise ValueError("valid range for prec is [1, MAX_PREC]")
        elif name == 'rounding':
            if value not in _ROUNDINGS:
                raise TypeError("valid values for rounding are:\n  [ROUND_CEILING, ROUND_FLOOR, "
                                "ROUND_UP, ROUND_DOWN,\n   ROUND_HALF_UP, ROUND_HALF_DOWN, "
                                "ROUND_HALF_EVEN,\n   ROUND_05UP]")
        object.__setattr__(self, name, value)

    def __repr__(self):
        flags = [f.__name__ for f in _REPR_ORDER if self.flags.get(f)]
        traps = [t.__name__ for t in _REPR_ORDER if self.traps.get(t)]
        return ('Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, clamp=%d, '
                'flags=[%s], traps=[%s])' % (self.prec, self.rounding, self.Emin, self.Emax,
                                             self.capitals, self.clamp, ', '.join(flags),
                                             ', '.join(traps)))

    def clear_flags(self):
        for flag in self.flags:
            self.flags[flag] = False

    def clear_traps(self):
        for flag in self.traps:
            self.traps[flag] = False

    def copy(self):
        return Context(self.prec, self.rounding, self.Emin, self.Emax,
                       self.capitals, self.clamp, dict(self.flags), dict(self.traps))

    __copy__ = copy

    def Etiny(self):
        return int(self.Emin - self.prec + 1)

    def Etop(self):
        return int(self.Emax - self.prec + 1)

    def _raise_error(self, condition, explanation=None):
        sig = _CONDITION_SIGNAL.get(condition, condition)
        self.flags[sig] = True
        if self.traps.get(sig):
            raise condition([condition])
        return sig

    def create_decimal(self, num='0'):
        d = Decimal(num, context=self)
        return d._fix(self)

    def create_decimal_from_float(self, f):
        return Decimal.from_float(f)._fix(self)

    # a few context methods
    def abs(self, a):
        return _convert(a).__abs__(context=self)

    def add(self, a, b):
        return _convert(a).__add__(b, context=self)

    def subtract(self, a, b):
        return _convert(a).__sub__(b, context=self)

    def multiply(self, a, b):
        return _convert(a).__mul__(b, context=self)

    def divide(self, a, b):
        return _convert(a).__truediv__(b, context=self)

    def divide_int(self, a, b):
        return _convert(a).__floordiv__(b, context=self)

    def remainder(self, a, b):
        return _convert(a).__mod__(b, context=self)

    def power(self, a, b, modulo=None):
        return _convert(a).__pow__(b, modulo, context=self)

    def sqrt(self, a):
        return _convert(a).sqrt(context=self)

    def plus(self, a):
        return _convert(a).__pos__(context=self)

    def minus(self, a):
        return _convert(a).__neg__(context=self)

    def quantize(self, a, b):
        return _convert(a).quantize(b, context=self)

    def normalize(self, a):
        return _convert(a).normalize(context=self)

    def compare(self, a, b):
        return _convert(a).compare(b, context=self)

    def to_sci_string(self, a):
        return _convert(a).__str__(context=self)

    def to_eng_string(self, a):
        return _convert(a).to_eng_string(context=self)


class _ExceptionCarrier(Exception):
    pass


_contexts = {}


def getcontext():
    """Returns this thread's context."""
    key = _get_ident()
    ctx = _contexts.get(key)
    if ctx is None:
        ctx = DefaultContext.copy()
        ctx.clear_flags()
        _contexts[key] = ctx
    return ctx


def setcontext(context):
    """Set this thread's context to context."""
    if context in (DefaultContext, BasicContext, ExtendedContext):
        context = context.copy()
        context.clear_flags()
    _contexts[_get_ident()] = context


class _ContextManager(object):
    def __init__(self, new_context):
        self.new_context = new_context.copy()

    def __enter__(self):
        self.saved_context = getcontext()
        setcontext(self.new_context)
        return self.new_context

    def __exit__(self, t, v, tb):
        setcontext(self.saved_context)


def localcontext(ctx=None, **kwargs):
    """Return a context manager for a copy of the supplied context."""
    if ctx is None:
        ctx = getcontext()
    manager = _ContextManager(ctx)
    for key, value in kwargs.items():
        setattr(manager.new_context, key, value)
    return manager


# ---------------------------------------------------------------- helpers

def _ndigits(n):
    return len(str(n)) if n else 1


def _round_coeff(sign, coeff, exp, digits_to_drop, rounding):
    """Drop digits from coeff with rounding; returns (coeff, exp, inexact)."""
    if digits_to_drop <= 0:
        return coeff, exp, False
    div = 10 ** digits_to_drop
    q, r = divmod(coeff, div)
    exp += digits_to_drop
    if r == 0:
        return q, exp, False
    half = div // 2
    if rounding == ROUND_DOWN:
        up = False
    elif rounding == ROUND_UP:
        up = True
    elif rounding == ROUND_CEILING:
        up = not sign
    elif rounding == ROUND_FLOOR:
        up = bool(sign)
    elif rounding == ROUND_HALF_UP:
        up = r >= half
    elif rounding == ROUND_HALF_DOWN:
        up = r > half
    elif rounding == ROUND_HALF_EVEN:
        up = r > half or (r == half and q % 2 == 1)
    else:   # ROUND_05UP
        up = q % 10 in (0, 5)
    if up:
        q += 1
    return q, exp, True


def _check_float(other, op, reflected):
    if isinstance(other, (float, complex)):
        a, b = 'decimal.Decimal', type(other).__name__
        if reflected:
            a, b = b, a
        raise TypeError("unsupported operand type(s) for %s: '%s' and '%s'" % (op, a, b))


def _convert(other, raiseit=True, allow_float=False):
    if isinstance(other, Decimal):
        return other
    if isinstance(other, int):
        return Decimal(other)
    if allow_float and isinstance(other, float):
        return Decimal.from_float(other)
    if raiseit:
        raise TypeError("Unable to convert %s to Decimal" % type(other).__name__)
    return NotImplemented


def _parse(s):
    """(sign, coeff, exp) or (sign, payload, 'n'/'N'/'F') or None."""
    s = s.strip()
    if '_' in s:
        if s.startswith('_') or s.endswith('_') or '__' in s:
            return None
        s = s.replace('_', '')
    if not s:
        return None
    sign = 0
    if s[0] in '+-':
        sign = 1 if s[0] == '-' else 0
        s = s[1:]
    low = s.lower()
    if low in ('inf', 'infinity'):
        return sign, 0, 'F'
    for prefix, kind in (('snan', 'N'), ('nan', 'n')):
        if low.startswith(prefix):
            payload = low[len(prefix):]
            if payload and not payload.isdigit():
                return None
            if payload and not all(c in '0123456789' for c in payload):
                return None
            return sign, int(payload) if payload else 0, kind
    exp = 0
    if 'e' in low:
        mant, _, e = _partition(low, 'e')
        if not e or (e[0] in '+-' and len(e) == 1):
            return None
        body = e[1:] if e[0] in '+-' else e
        if not all(c in '0123456789' for c in body):
            return None
        exp = int(e)
    else:
        mant = low
    if '.' in mant:
        ip, _, fp = _partition(mant, '.')
    else:
        ip, fp = mant, ''
    if not ip and not fp:
        return None
    if not all(c in '0123456789' for c in ip + fp):
        return None
    coeff = int(ip + fp) if ip + fp else 0
    return sign, coeff, exp - len(fp)


# ---------------------------------------------------------------- Decimal

class Decimal(object):
    """Floating point class for decimal arithmetic."""

    __slots__ = ('_sign', '_int', '_exp', '_is_special')

    def __new__(cls, value="0", context=None):
        self = object.__new__(cls)
        if isinstance(value, str):
            parsed = _parse(value)
            if parsed is None:
                if context is None:
                    context = getcontext()
                context._raise_error(ConversionSyntax, "Invalid literal for Decimal: %r" % value)
                return _NaN_with(cls, 0)
            sign, coeff, exp = parsed
            self._sign, self._int, self._exp = sign, coeff, exp
            self._is_special = isinstance(exp, str)
            return self
        if isinstance(value, int):
            self._sign = 1 if value < 0 else 0
            self._int = abs(value)
            self._exp = 0
            self._is_special = False
            return self
        if isinstance(value, Decimal):
            self._sign, self._int, self._exp, self._is_special = \
                value._sign, value._int, value._exp, value._is_special
            return self
        if isinstance(value, float):
            if context is None:
                context = getcontext()
            context.flags[FloatOperation] = True
            if context.traps.get(FloatOperation):
                raise FloatOperation([FloatOperation])
            d = cls.from_float(value)
            self._sign, self._int, self._exp, self._is_special = d._sign, d._int, d._exp, d._is_special
            return self
        if isinstance(value, (list, tuple)):
            if len(value) != 3:
                raise ValueError('Invalid tuple size in creation of Decimal '
                                 'from list or tuple.  The list or tuple '
                                 'should have exactly three elements.')
            sign, digits, exp = value
            if sign not in (0, 1):
                raise ValueError("sign must be an integer with the value 0 or 1")
            if exp in ('F', 'n', 'N'):
                self._sign, self._int, self._exp, self._is_special = sign, 0, exp, True
                if exp != 'F' and digits:
                    self._int = int(''.join(map(str, digits)))
                return self
            for d in digits:
                if not (isinstance(d, int) and 0 <= d <= 9):
                    raise ValueError("The second value in the tuple must be "
                                     "composed of integers in the range 0 through 9.")
            self._sign = sign
            self._int = int(''.join(map(str, digits))) if digits else 0
            self._exp = exp
            self._is_special = False
            return self
        raise TypeError("conversion from %s to Decimal is not supported" % type(value).__name__)

    @classmethod
    def from_float(cls, f):
        """Converts a float to a decimal number, exactly."""
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError("argument must be int or float")
        if f != f:
            return cls('NaN')
        if f in (float('inf'), float('-inf')):
            return cls('-Infinity' if f < 0 else 'Infinity')
        sign = 1 if _math.copysign(1.0, f) < 0 else 0
        n, d = abs(f).as_integer_ratio()
        k = d.bit_length() - 1
        coeff = n * 5 ** k
        return _dec(cls, sign, coeff, -k)

    # -- basic properties
    def _isnan(self):
        if self._is_special:
            return 2 if self._exp == 'N' else 1 if self._exp == 'n' else 0
        return 0

    def _isinfinity(self):
        if self._exp == 'F':
            return -1 if self._sign else 1
        return 0

    def adjusted(self):
        if self._is_special:
            return 0
        return self._exp + _ndigits(self._int) - 1

    def is_nan(self):
        return self._exp in ('n', 'N')

    def is_qnan(self):
        return self._exp == 'n'

    def is_snan(self):
        return self._exp == 'N'

    def is_infinite(self):
        return self._exp == 'F'

    def is_finite(self):
        return not self._is_special

    def is_zero(self):
        return not self._is_special and self._int == 0

    def is_signed(self):
        return self._sign == 1

    def is_normal(self, context=None):
        if self._is_special or not self._int:
            return False
        if context is None:
            context = getcontext()
        return context.Emin <= self.adjusted()

    def is_subnormal(self, context=None):
        if self._is_special or not self._int:
            return False
        if context is None:
            context = getcontext()
        return self.adjusted() < context.Emin

    def is_canonical(self):
        return True

    def canonical(self):
        return self

    def as_tuple(self):
        if self._is_special:
            digits = tuple(int(c) for c in str(self._int)) if self._int else ()
            if self._exp == 'F':
                digits = (0,)
            return DecimalTuple(self._sign, digits, self._exp)
        return DecimalTuple(self._sign, tuple(int(c) for c in str(self._int)), self._exp)

    def as_integer_ratio(self):
        if self._is_special:
            if self.is_nan():
                raise ValueError("cannot convert NaN to integer ratio")
            raise OverflowError("cannot convert Infinity to integer ratio")
        if not self._int:
            return 0, 1
        n = self._int
        if self._exp >= 0:
            n *= 10 ** self._exp
            d = 1
        else:
            d = 10 ** -self._exp
            g = _math.gcd(n, d)
            n //= g
            d //= g
        return (-n if self._sign else n), d

    # -- context application
    def _fix(self, context):
        """Round to context precision; check overflow."""
        if self._is_special:
            if self._exp == 'N':
                context._raise_error(InvalidOperation)
                return _dec(Decimal, self._sign, self._int, 'n')
            return self
        coeff, exp = self._int, self._exp
        nd = _ndigits(coeff)
        drop = nd - context.prec
        if drop > 0:
            coeff, exp, inexact = _round_coeff(self._sign, coeff, exp, drop, context.rounding)
            if _ndigits(coeff) > context.prec:
                coeff //= 10
                exp += 1
            context.flags[Rounded] = True
            if inexact:
                context._raise_error(Inexact)
        adj = exp + _ndigits(coeff) - 1
        if coeff and adj > context.Emax:
            context._raise_error(Overflow)
            return _dec(Decimal, self._sign, 0, 'F')
        if context.clamp and exp > context.Etop():
            coeff *= 10 ** (exp - context.Etop())
            exp = context.Etop()
        if coeff == self._int and exp == self._exp:
            return self
        return _dec(Decimal, self._sign, coeff, exp)

    def _check_nans(self, other=None, context=None):
        sn = self._isnan()
        on = other._isnan() if other is not None else 0
        if sn or on:
            if context is None:
                context = getcontext()
            if sn == 2 or on == 2:
                context._raise_error(InvalidOperation)
                src = self if sn == 2 else other
                return _dec(Decimal, src._sign, src._int, 'n')
            return self if sn else other
        return None

    # -- string forms
    def __str__(self, eng=False, context=None):
        sign = '-' if self._sign else ''
        if self._is_special:
            if self._exp == 'F':
                return sign + 'Infinity'
            if self._exp == 'n':
                return sign + 'NaN' + (str(self._int) if self._int else '')
            return sign + 'sNaN' + (str(self._int) if self._int else '')
        digits = str(self._int)
        leftdigits = self._exp + len(digits)
        if self._exp <= 0 and leftdigits > -6:
            dotplace = leftdigits
        elif not eng:
            dotplace = 1
        elif self._int == 0:
            dotplace = (leftdigits + 1) % 3 - 1
        else:
            dotplace = (leftdigits - 1) % 3 + 1
        if dotplace <= 0:
            intpart = '0'
            fracpart = '.' + '0' * (-dotplace) + digits
        elif dotplace >= len(digits):
            intpart = digits + '0' * (dotplace - len(digits))
            fracpart = ''
        else:
            intpart = digits[:dotplace]
            fracpart = '.' + digits[dotplace:]
        if leftdigits == dotplace:
            exp = ''
        else:
            if context is None:
                context = getcontext()
            exp = ['e', 'E'][context.capitals] + "%+d" % (leftdigits - dotplace)
        return sign + intpart + fracpart + exp

    def to_eng_string(self, context=None):
        return self.__str__(eng=True, context=context)

    def __repr__(self):
        return "Decimal('%s')" % str(self)

    def __format__(self, specifier, context=None):
        if context is None:
            context = getcontext()
        spec = _parse_format_spec(specifier)
        if self._is_special:
            body = str(abs(self)) if not self.is_nan() else str(self).lstrip('-')
            body = {'Infinity': 'Infinity'}.get(body, body)
            if spec['type'] == '%':
                body += '%'
            return _format_align(self._sign, body, spec)
        t = spec['type']
        prec = spec['precision']
        rounding = context.rounding
        if t is None:
            t = 'g' if prec is not None else None
        if t in ('%',):
            d = _dec(Decimal, self._sign, self._int, self._exp + 2)
        else:
            d = self
        if t in ('e', 'E'):
            if prec is None:
                prec = _ndigits(d._int) - 1
            rd = d._round_to_digits(prec + 1, rounding)
            coeff = str(rd._int)
            exp = rd._exp + len(coeff) - 1 if rd._int else rd._exp + prec
            if not rd._int:
                coeff = '0' * (prec + 1)
            intpart = coeff[0]
            frac = coeff[1:]
            body = intpart + ('.' + frac if frac or spec['alt'] else '') + t + '%+d' % exp
        elif t in ('f', 'F', '%'):
            if prec is None:
                q = d
            else:
                q = d._rescale(-prec, rounding)
            body = q._fixed_string()
            if spec['alt'] and '.' not in body:
                body += '.'
            if t == '%':
                body += '%'
        elif t in ('g', 'G', None):
            if prec == 0:
                prec = 1
            if prec is not None:
                d = d._round_to_digits(prec, rounding)
            if not d._int:
                leftdigits = d._exp + 1 if t is not None else d._exp + 1
            else:
                leftdigits = d._exp + _ndigits(d._int)
            if t is None:
                body = str(d) if not d._sign else str(d)[1:]
            elif d._exp <= 0 and leftdigits > -6 or (d._exp > 0 and leftdigits <= (prec or _ndigits(d._int))):
                body = d._fixed_string()
            else:
                digits = str(d._int)
                body = (digits[0] + ('.' + digits[1:] if len(digits) > 1 else '') +
                        ('e' if t == 'g' else 'E') + '%+d' % (leftdigits - 1))
        else:
            raise ValueError("Invalid format specifier: " + specifier)
        if spec['thousands']:
            intpart, dot, rest = _partition(body, '.')
            if intpart.isdigit():
                groups = []
                while len(intpart) > 3:
                    groups.insert(0, intpart[-3:])
                    intpart = intpart[:-3]
                groups.insert(0, intpart)
                body = spec['thousands'].join(groups) + dot + rest
        return _format_align(self._sign, body, spec)

    def _fixed_string(self):
        digits = str(self._int)
        if self._exp >= 0:
            return digits + '0' * self._exp if self._int else '0' if self._exp == 0 else '0'
        n = -self._exp
        digits = digits.rjust(n + 1, '0')
        return digits[:-n] + '.' + digits[-n:]

    def _round_to_digits(self, ndig, rounding):
        nd = _ndigits(self._int)
        if nd <= ndig:
            return self
        coeff, exp, _ = _round_coeff(self._sign, self._int, self._exp, nd - ndig, rounding)
        if _ndigits(coeff) > ndig:
            coeff //= 10
            exp += 1
        return _dec(Decimal, self._sign, coeff, exp)

    def _rescale(self, exp, rounding):
        """Same value with exponent exp (rounding)."""
        if self._is_special:
            return self
        if not self._int:
            return _dec(Decimal, self._sign, 0, exp)
        if self._exp >= exp:
            return _dec(Decimal, self._sign, self._int * 10 ** (self._exp - exp), exp)
        coeff, e, _ = _round_coeff(self._sign, self._int, self._exp, exp - self._exp, rounding)
        return _dec(Decimal, self._sign, coeff, e)

    # -- conversions
    def __float__(self):
        if self._isnan():
            if self.is_snan():
                raise ValueError("cannot convert signaling NaN to float")
            s = "-nan" if self._sign else "nan"
        else:
            s = str(self)
        return float(s)

    def __int__(self):
        if self._is_special:
            if self._isnan():
                raise ValueError("cannot convert NaN to integer")
            raise OverflowError("cannot convert infinity to integer")
        s = (-1) ** self._sign
        if self._exp >= 0:
            return s * self._int * 10 ** self._exp
        return s * (self._int // 10 ** -self._exp)

    __trunc__ = __int__

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return Decimal(0)

    def conjugate(self):
        return self

    def __complex__(self):
        return complex(float(self))

    def __bool__(self):
        return self._is_special or self._int != 0

    def __floor__(self):
        if self._is_special:
            if self.is_nan():
                raise ValueError("cannot round a NaN")
            raise OverflowError("cannot round an infinity")
        return int(self._rescale(0, ROUND_FLOOR))

    def __ceil__(self):
        if self._is_special:
            if self.is_nan():
                raise ValueError("cannot round a NaN")
            raise OverflowError("cannot round an infinity")
        return int(self._rescale(0, ROUND_CEILING))

    def __round__(self, n=None):
        if n is not None:
            if not isinstance(n, int):
                raise TypeError('Second argument to round should be integral')
            exp = _dec(Decimal, 0, 1, -n)
            return self.quantize(exp)
        if self._is_special:
            if self.is_nan():
                raise ValueError("cannot round a NaN")
            raise OverflowError("cannot round an infinity")
        return int(self._rescale(0, ROUND_HALF_EVEN))

    def to_integral_value(self, rounding=None, context=None):
        if context is None:
            context = getcontext()
        if rounding is None:
            rounding = context.rounding
        ans = self._check_nans(context=context)
        if ans:
            return ans
        if self._is_special or self._exp >= 0:
            return self
        return self._rescale(0, rounding)

    to_integral = to_integral_value

    def to_integral_exact(self, rounding=None, context=None):
        if context is None:
            context = getcontext()
        r = self.to_integral_value(rounding, context)
        if r != self:
            context._raise_error(Inexact)
        return r

    # -- comparison
    def _cmp(self, other):
        """-1, 0, 1 for finite/infinite values (no NaNs)."""
        if self._is_special or other._is_special:
            a = self._isinfinity()
            b = other._isinfinity()
            return (a > b) - (a < b)
        if not self._int:
            if not other._int:
                return 0
            return -((-1) ** other._sign)
        if not other._int:
            return (-1) ** self._sign
        if other._sign < self._sign:
            return -1
        if self._sign < other._sign:
            return 1
        a = self._int
        b = other._int
        ea, eb = self._exp, other._exp
        if ea > eb:
            a *= 10 ** (ea - eb)
        else:
            b *= 10 ** (eb - ea)
        r = (a > b) - (a < b)
        return -r if self._sign else r

    def _convert_for_compare(self, other, equality_op=False):
        if isinstance(other, Decimal):
            return other
        if isinstance(other, int):
            return Decimal(other)
        if isinstance(other, float):
            ctx = getcontext()
            ctx.flags[FloatOperation] = True
            if ctx.traps.get(FloatOperation) and not equality_op:
                raise FloatOperation([FloatOperation])
            return Decimal.from_float(other)
        if equality_op and isinstance(other, complex) and other.imag == 0:
            return Decimal.from_float(other.real)
        if isinstance(other, _numbers.Rational):
            return ('ratio', other)
        return NotImplemented

    def _ratio_cmp(self, other):
        n, d = self.as_integer_ratio()
        a = n * other.denominator
        b = other.numerator * d
        return (a > b) - (a < b)

    def __eq__(self, other, context=None):
        o = self._convert_for_compare(other, equality_op=True)
        if o is NotImplemented:
            return o
        if isinstance(o, tuple):
            if self._is_special:
                return False
            return self._ratio_cmp(o[1]) == 0
        if self._isnan() or o._isnan():
            return False
        return self._cmp(o) == 0

    def _compare_op(self, other, op):
        o = self._convert_for_compare(other)
        if o is NotImplemented:
            return o
        if isinstance(o, tuple):
            if self._isnan():
                return False
            c = self._ratio_cmp(o[1]) if not self._is_special else self._isinfinity()
            return op(c)
        if self._isnan() or o._isnan():
            getcontext()._raise_error(InvalidOperation)
            return False
        return op(self._cmp(o))

    def __lt__(self, other):
        return self._compare_op(other, lambda c: c < 0)

    def __le__(self, other):
        return self._compare_op(other, lambda c: c <= 0)

    def __gt__(self, other):
        return self._compare_op(other, lambda c: c > 0)

    def __ge__(self, other):
        return self._compare_op(other, lambda c: c >= 0)

    def compare(self, other, context=None):
        other = _convert(other)
        ans = self._check_nans(other, context)
        if ans:
            return ans
        return Decimal(self._cmp(other))

    def __hash__(self):
        if self._is_special:
            if self.is_snan():
                raise TypeError('Cannot hash a signaling NaN value.')
            elif self.is_nan():
                return object.__hash__(self)
            return -314159 if self._sign else 314159
        if self._exp >= 0:
            return hash((-1) ** self._sign * self._int * 10 ** self._exp)
        P = sys.hash_info.modulus if hasattr(sys, 'hash_info') else (1 << 61) - 1
        n = self._int
        d = 10 ** -self._exp
        dinv = pow(d % P, P - 2, P)
        h = (n % P) * dinv % P
        h = -h if self._sign else h
        return -2 if h == -1 else h

    # -- arithmetic
    def __neg__(self, context=None):
        if context is None:
            context = getcontext()
        ans = self._check_nans(context=context)
        if ans:
            return ans
        if not self._is_special and not self._int and context.rounding != ROUND_FLOOR:
            return _dec(Decimal, 0, 0, self._exp)._fix(context)
        return _dec(Decimal, 1 - self._sign, self._int, self._exp)._fix(context)

    def __pos__(self, context=None):
        if context is None:
            context = getcontext()
        ans = self._check_nans(context=context)
        if ans:
            return ans
        if not self._is_special and not self._int and context.rounding != ROUND_FLOOR:
            return _dec(Decimal, 0, 0, self._exp)._fix(context)
        return self._fix(context)

    def __abs__(self, round=True, context=None):
        if not round:
            return self.copy_abs()
        if self._sign:
            return self.__neg__(context=context)
        return self.__pos__(context=context)

    def copy_abs(self):
        return _dec(Decimal, 0, self._int, self._exp)

    def copy_negate(self):
        return _dec(Decimal, 1 - self._sign, self._int, self._exp)

    def copy_sign(self, other, context=None):
        other = _convert(other)
        return _dec(Decimal, other._sign, self._int, self._exp)

    def __add__(self, other, context=None):
        _check_float(other, '+', False)
        other = _convert(other, raiseit=False)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        ans = self._check_nans(other, context)
        if ans:
            return ans
        if self._is_special or other._is_special:
            a, b = self._isinfinity(), other._isinfinity()
            if a and b and a != b:
                context._raise_error(InvalidOperation)
                return _dec(Decimal, 0, 0, 'n')
            return self if a else other
        exp = min(self._exp, other._exp)
        a = self._int * 10 ** (self._exp - exp) * (-1) ** self._sign
        b = other._int * 10 ** (other._exp - exp) * (-1) ** other._sign
        total = a + b
        if total == 0:
            sign = 1 if (self._sign and other._sign) or \
                (context.rounding == ROUND_FLOOR and self._sign != other._sign) else 0
        else:
            sign = 1 if total < 0 else 0
        return _dec(Decimal, sign, abs(total), exp)._fix(context)

    def __radd__(self, other, context=None):
        _check_float(other, '+', True)
        return self.__add__(other, context=context)

    def __sub__(self, other, context=None):
        _check_float(other, '-', False)
        other = _convert(other, raiseit=False)
        if other is NotImplemented:
            return other
        return self.__add__(other.copy_negate() if not other.is_nan() else other, context=context)

    def __rsub__(self, other, context=None):
        _check_float(other, '-', True)
        other = _convert(other, raiseit=False)
        if other is NotImplemented:
            return other
        return other.__sub__(self, context=context)

    def __mul__(self, other, context=None):
        _check_float(other, '*', False)
        other = _convert(other, raiseit=False)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        sign = self._sign ^ other._sign
        ans = self._check_nans(other, context)
        if ans:
            return ans
        if self._is_special or other._is_special:
            if (self._isinfinity() and not other) or (other._isinfinity() and not self):
                context._raise_error(InvalidOperation)
                return _dec(Decimal, 0, 0, 'n')
            return _dec(Decimal, sign, 0, 'F')
        return _dec(Decimal, sign, self._int * other._int, self._exp + other._exp)._fix(context)

    def __rmul__(self, other, context=None):
        _check_float(other, '*', True)
        return self.__mul__(other, context=context)

    def __truediv__(self, other, context=None):
        _check_float(other, '/', False)
        other = _convert(other, raiseit=False)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        sign = self._sign ^ other._sign
        ans = self._check_nans(other, context)
        if ans:
            return ans
        if self._is_special or other._is_special:
            if self._isinfinity() and other._isinfinity():
                context._raise_error(InvalidOperation)
                return _dec(Decimal, 0, 0, 'n')
            if self._isinfinity():
                return _dec(Decimal, sign, 0, 'F')
            context._raise_error(Clamped)
            return _dec(Decimal, sign, 0, context.Etiny())
        if not other._int:
            if not self._int:
                context._raise_error(DivisionUndefined)
                return _dec(Decimal, 0, 0, 'n')
            context._raise_error(DivisionByZero)
            return _dec(Decimal, sign, 0, 'F')
        if not self._int:
            exp = self._exp - other._exp
            coeff = 0
        else:
            shift = _ndigits(other._int) - _ndigits(self._int) + context.prec + 1
            exp = self._exp - other._exp - shift
            if shift >= 0:
                coeff, rem = divmod(self._int * 10 ** shift, other._int)
            else:
                coeff, rem = divmod(self._int, other._int * 10 ** -shift)
            if rem:
                if coeff % 5 == 0:
                    coeff += 1
            else:
                ideal = self._exp - other._exp
                while exp < ideal and coeff % 10 == 0:
                    coeff //= 10
                    exp += 1
        return _dec(Decimal, sign, coeff, exp)._fix(context)

    def __rtruediv__(self, other, context=None):
        _check_float(other, '/', True)
        other = _convert(other, raiseit=False)
        if other is NotImplemented:
            return other
        return other.__truediv__(self, context=context)

    def _divide(self, other, context):
        """(integer quotient, remainder) truncating toward zero."""
        sign = self._sign ^ other._sign
        if other._isinfinity():
            ideal_exp = self._exp
        else:
            ideal_exp = min(self._exp, other._exp)
        expdiff = self.adjusted() - other.adjusted()
        if not self or other._isinfinity() or expdiff <= -2:
            return (_dec(Decimal, sign, 0, 0), self._rescale(ideal_exp, context.rounding))
        if expdiff <= context.prec:
            a = self._int
            b = other._int
            if self._exp >= other._exp:
                a *= 10 ** (self._exp - other._exp)
            else:
                b *= 10 ** (other._exp - self._exp)
            q, r = divmod(a, b)
            if q < 10 ** context.prec:
                return (_dec(Decimal, sign, q, 0), _dec(Decimal, self._sign, r, ideal_exp))
        context._raise_error(DivisionImpossible)
        ans = _dec(Decimal, 0, 0, 'n')
        return ans, ans

    def __divmod__(self, other, context=None):
        _check_float(other, 'divmod()', False)
        other = _convert(other, raiseit=False)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        ans = self._check_nans(other, context)
        if ans:
            return (ans, ans)
        sign = self._sign ^ other._sign
        if self._isinfinity():
            if other._isinfinity():
                context._raise_error(InvalidOperation)
                ans = _dec(Decimal, 0, 0, 'n')
                return ans, ans
            context._raise_error(InvalidOperation)
            return (_dec(Decimal, sign, 0, 'F'), _dec(Decimal, 0, 0, 'n'))
        if not other:
            if not self:
                context._raise_error(DivisionUndefined)
                ans = _dec(Decimal, 0, 0, 'n')
                return ans, ans
            context._raise_error(DivisionByZero)
            context._raise_error(InvalidOperation)
            return (_dec(Decimal, sign, 0, 'F'), _dec(Decimal, 0, 0, 'n'))
        q, r = self._divide(other, context)
        return q, r._fix(context)

    def __rdivmod__(self, other, context=None):
        _check_float(other, 'divmod()', True)
        other = _convert(other, raiseit=False)
        if other is NotImplemented:
            return other
        return other.__divmod__(self, context=context)

    def __mod__(self, other, context=None):
        _check_float(other, '%', False)
        other = _convert(other, raiseit=False)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        ans = self._check_nans(other, context)
        if ans:
            return ans
        if self._isinfinity():
            context._raise_error(InvalidOperation)
            return _dec(Decimal, 0, 0, 'n')
        if not other:
            if self:
                context._raise_error(InvalidOperation)
            else:
                context._raise_error(DivisionUndefined)
            return _dec(Decimal, 0, 0, 'n')
        return self._divide(other, context)[1]._fix(context)

    def __rmod__(self, other, context=None):
        _check_float(other, '%', True)
        other = _convert(other, raiseit=False)
        if other is NotImplemented:
            return other
        return other.__mod__(self, context=context)

    def __floordiv__(self, other, context=None):
        _check_float(other, '//', False)
        other = _convert(other, raiseit=False)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        ans = self._check_nans(other, context)
        if ans:
            return ans
        if self._isinfinity():
            if other._isinfinity():
                context._raise_error(InvalidOperation)
                return _dec(Decimal, 0, 0, 'n')
            return _dec(Decimal, self._sign ^ other._sign, 0, 'F')
        if not other:
            if self:
                context._raise_error(DivisionByZero)
                return _dec(Decimal, self._sign ^ other._sign, 0, 'F')
            context._raise_error(DivisionUndefined)
            return _dec(Decimal, 0, 0, 'n')
        return self._divide(other, context)[0]

    def __rfloordiv__(self, other, context=None):
        _check_float(other, '//', True)
        other = _convert(other, raiseit=False)
        if other is NotImplemented:
            return other
        return other.__floordiv__(self, context=context)

    def remainder_near(self, other, context=None):
        other = _convert(other)
        if context is None:
            context = getcontext()
        q, r = self._divide(other, context)
        # adjust to nearest
        twice = r.copy_abs() * 2
        if twice > other.copy_abs() or (twice == other.copy_abs() and q._int % 2 == 1):
            r = r - other if (r._sign == other._sign) else r + other
        return r._fix(context)

    def __pow__(self, other, modulo=None, context=None):
        if modulo is not None:
            other = _convert(other)
            modulo = _convert(modulo)
            return Decimal(pow(int(self), int(other), int(modulo)))
        _check_float(other, '** or pow()', False)
        other = _convert(other, raiseit=False)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        ans = self._check_nans(other, context)
        if ans:
            return ans
        if not other._is_special and other == other.to_integral_value(ROUND_DOWN) and \
                not self._is_special:
            n = int(other)
            if n == 0:
                if not self:
                    context._raise_error(InvalidOperation)
                    return _dec(Decimal, 0, 0, 'n')
                return Decimal(1)
            if not self and n < 0:
                context._raise_error(DivisionByZero)
                return _dec(Decimal, self._sign if n % 2 else 0, 0, 'F')
            sign = self._sign if n % 2 else 0
            if n > 0:
                return _dec(Decimal, sign, self._int ** n, self._exp * n)._fix(context)
            work = context.copy()
            work.prec = context.prec + 10
            work.traps = {s: False for s in _SIGNALS}
            denom = _dec(Decimal, 0, self._int ** -n, self._exp * -n)
            q = Decimal(1).__truediv__(denom, context=work)
            return _dec(Decimal, sign, q._int, q._exp)._fix(context)
        if self._is_special or other._is_special:
            if self._isinfinity():
                if other._sign:
                    return Decimal(0)
                return _dec(Decimal, 0, 0, 'F')
            if other._isinfinity():
                big = abs(self) > 1
                if (big and not other._sign) or (not big and other._sign):
                    return _dec(Decimal, 0, 0, 'F')
                return Decimal(0)
        if self._sign:
            context._raise_error(InvalidOperation)
            return _dec(Decimal, 0, 0, 'n')
        r = float(self) ** float(other)
        return Decimal(repr(r))._fix(context)

    def __rpow__(self, other, context=None):
        _check_float(other, '** or pow()', True)
        other = _convert(other, raiseit=False)
        if other is NotImplemented:
            return other
        return other.__pow__(self, context=context)

    def sqrt(self, context=None):
        if context is None:
            context = getcontext()
        ans = self._check_nans(context=context)
        if ans:
            return ans
        if self._isinfinity() and self._sign == 0:
            return self
        if not self._is_special and not self._int:
            return _dec(Decimal, self._sign, 0, self._exp >> 1)
        if self._sign:
            context._raise_error(InvalidOperation)
            return _dec(Decimal, 0, 0, 'n')
        prec = context.prec + 1
        e = self._exp >> 1
        if self._exp & 1:
            c = self._int * 10
            l = (_ndigits(self._int) >> 1) + 1
        else:
            c = self._int
            l = (_ndigits(self._int) + 1) >> 1
        shift = prec - l
        if shift >= 0:
            c *= 100 ** shift
            exact = True
        else:
            c, rem = divmod(c, 100 ** -shift)
            exact = not rem
        e -= shift
        n = _math.isqrt(c)
        exact = exact and n * n == c
        if exact:
            if shift >= 0:
                n //= 10 ** shift
            else:
                n *= 10 ** -shift
            e += shift
        else:
            if n % 5 == 0:
                n += 1
        work = context.copy()
        work.rounding = ROUND_HALF_EVEN
        work.traps = context.traps
        work.flags = context.flags
        return _dec(Decimal, 0, n, e)._fix(work)

    def quantize(self, exp, rounding=None, context=None):
        exp = _convert(exp)
        if context is None:
            context = getcontext()
        if rounding is None:
            rounding = context.rounding
        ans = self._check_nans(exp, context)
        if ans:
            return ans
        if exp._is_special or self._is_special:
            if exp._isinfinity() and self._isinfinity():
                return Decimal(self)
            context._raise_error(InvalidOperation)
            return _dec(Decimal, 0, 0, 'n')
        ans = self._rescale(exp._exp, rounding)
        if _ndigits(ans._int) > context.prec:
            context._raise_error(InvalidOperation)
            return _dec(Decimal, 0, 0, 'n')
        if ans._exp > self._exp and ans != self:
            context._raise_error(Inexact)
        return ans

    def same_quantum(self, other, context=None):
        other = _convert(other)
        if self._is_special or other._is_special:
            return (self.is_nan() and other.is_nan()) or (self.is_infinite() and other.is_infinite())
        return self._exp == other._exp

    def normalize(self, context=None):
        if context is None:
            context = getcontext()
        ans = self._check_nans(context=context)
        if ans:
            return ans
        dup = self._fix(context)
        if dup._is_special:
            return dup
        if not dup._int:
            return _dec(Decimal, dup._sign, 0, 0)
        coeff, exp = dup._int, dup._exp
        while coeff % 10 == 0 and exp < context.Emax:
            coeff //= 10
            exp += 1
        return _dec(Decimal, dup._sign, coeff, exp)

    reduce = normalize

    def max(self, other, context=None):
        other = _convert(other)
        if self.is_nan():
            return other
        if other.is_nan():
            return self
        c = self._cmp(other)
        if c == 0:
            c = (self._sign == 0) - (other._sign == 0) or (self._exp > other._exp) - (self._exp < other._exp)
        return (self if c >= 0 else other)._fix(context or getcontext())

    def min(self, other, context=None):
        other = _convert(other)
        if self.is_nan():
            return other
        if other.is_nan():
            return self
        c = self._cmp(other)
        if c == 0:
            c = (self._sign == 0) - (other._sign == 0) or (self._exp > other._exp) - (self._exp < other._exp)
        return (self if c <= 0 else other)._fix(context or getcontext())

    def exp(self, context=None):
        return Decimal(repr(_math.exp(float(self))))._fix(context or getcontext())

    def ln(self, context=None):
        return Decimal(repr(_math.log(float(self))))._fix(context or getcontext())

    def log10(self, context=None):
        if not self._is_special and self._int and self._sign == 0:
            n, d = self.as_integer_ratio()
            if d == 1 and str(n).rstrip('0') == '1':
                return Decimal(len(str(n)) - 1)
            if n == 1 and str(d).rstrip('0') == '1':
                return Decimal(-(len(str(d)) - 1))
        return Decimal(repr(_math.log10(float(self))))._fix(context or getcontext())

    def fma(self, other, third, context=None):
        other = _convert(other)
        product = _dec(Decimal, self._sign ^ other._sign, self._int * other._int,
                       self._exp + other._exp)
        return product.__add__(_convert(third), context=context)

    def number_class(self, context=None):
        if self.is_snan():
            return "sNaN"
        if self.is_qnan():
            return "NaN"
        inf = self._isinfinity()
        if inf == 1:
            return "+Infinity"
        if inf == -1:
            return "-Infinity"
        if self.is_zero():
            return "-Zero" if self._sign else "+Zero"
        if self.is_subnormal(context):
            return "-Subnormal" if self._sign else "+Subnormal"
        return "-Normal" if self._sign else "+Normal"

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        if type(self) is Decimal:
            return self
        return self.__class__(str(self))

    def __deepcopy__(self, memo):
        if type(self) is Decimal:
            return self
        return self.__class__(str(self))


def _dec(cls, sign, coeff, exp):
    d = object.__new__(Decimal if cls is None else cls)
    d._sign = sign
    d._int = coeff
    d._exp = exp
    d._is_special = isinstance(exp, str)
    return d


def _NaN_with(cls, sign):
    return _dec(cls, sign, 0, 'n')


def _parse_format_spec(spec):
    """Format-spec mini-language fields."""
    out = {'fill': ' ', 'align': None, 'sign': '-', 'alt': False, 'zero': False,
           'width': 0, 'thousands': '', 'precision': None, 'type': None}
    i = 0
    n = len(spec)
    if n >= 2 and spec[1] in '<>=^':
        out['fill'] = spec[0]
        out['align'] = spec[1]
        i = 2
    elif n >= 1 and spec[0] in '<>=^':
        out['align'] = spec[0]
        i = 1
    if i < n and spec[i] in '+- ':
        out['sign'] = spec[i]
        i += 1
    if i < n and spec[i] == '#':
        out['alt'] = True
        i += 1
    if i < n and spec[i] == '0':
        out['zero'] = True
        if out['align'] is None:
            out['fill'] = '0'
            out['align'] = '='
        i += 1
    j = i
    while i < n and spec[i].isdigit():
        i += 1
    if i > j:
        out['width'] = int(spec[j:i])
    if i < n and spec[i] in ',_':
        out['thousands'] = spec[i]
        i += 1
    if i < n and spec[i] == '.':
        i += 1
        j = i
        while i < n and spec[i].isdigit():
            i += 1
        if i == j:
            raise ValueError("Invalid format specifier")
        out['precision'] = int(spec[j:i])
    if i < n:
        out['type'] = spec[i]
        i += 1
    if i != n or (out['type'] is not None and out['type'] not in 'eEfFgGn%'):
        raise ValueError("Invalid format specifier")
    if out['type'] == 'n':
        out['type'] = 'g'
    return out


def _format_align(negative, body, spec):
    if negative:
        sign = '-'
    elif spec['sign'] == '+':
        sign = '+'
    elif spec['sign'] == ' ':
        sign = ' '
    else:
        sign = ''
    width = spec['width']
    fill = spec['fill']
    align = spec['align'] or '>'
    total = len(sign) + len(body)
    if total >= width:
        return sign + body
    pad = width - total
    if align == '<':
        return sign + body + fill * pad
    if align == '>':
        return fill * pad + sign + body
    if align == '=':
        return sign + fill * pad + body
    half = pad // 2
    return fill * half + sign + body + fill * (pad - half)


DefaultContext = Context(prec=28, rounding=ROUND_HALF_EVEN, Emin=-999999, Emax=999999,
                         capitals=1, clamp=0, flags=[],
                         traps=[DivisionByZero, Overflow, InvalidOperation])
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP,
                       traps=[DivisionByZero, Overflow, InvalidOperation, Clamped, Underflow],
                       flags=[])
ExtendedContext = Context(prec=9, rounding=ROUND_HALF_EVEN, traps=[], flags=[])

_numbers.Number.register(Decimal)
