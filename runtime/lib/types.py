"""types -- names for built-in types and dynamic type creation (Weft).

The type objects are taken from live objects at import time; a name is
left out when the runtime has no such type yet.  Stateless apart from the
module dict.
"""

import sys


def _f():
    pass


FunctionType = type(_f)
LambdaType = type(lambda: None)
CodeType = type(_f.__code__)
try:
    MappingProxyType = type(type.__dict__)
    if MappingProxyType is dict:
        del MappingProxyType
except Exception:
    pass
SimpleNamespace = type(getattr(sys, 'implementation', None))
try:
    if SimpleNamespace.__name__ != 'SimpleNamespace' or SimpleNamespace(a=1).a != 1:
        SimpleNamespace = None
except Exception:      # the runtime's namespace type cannot be instantiated
    SimpleNamespace = None
try:
    CellType = type((lambda x: (lambda: x))(1).__closure__[0])
except Exception:
    pass


def _g():
    yield 1


GeneratorType = type(_g())


async def _c():
    pass


_c = _c()
CoroutineType = type(_c)
try:
    _c.close()
except Exception:
    pass


async def _ag():
    yield


_ag = _ag()
AsyncGeneratorType = type(_ag)


class _C:
    def _m(self):
        pass


MethodType = type(_C()._m)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
try:
    WrapperDescriptorType = type(object.__init__)
    MethodWrapperType = type(object().__str__)
    MethodDescriptorType = type(str.join)
    ClassMethodDescriptorType = type(dict.__dict__['fromkeys'])
except Exception:
    pass
ModuleType = type(sys)

try:
    raise TypeError
except TypeError as exc:
    try:
        TracebackType = type(exc.__traceback__)
        FrameType = type(exc.__traceback__.tb_frame)
    except AttributeError:
        pass

try:
    GetSetDescriptorType = type(FunctionType.__code__)
    MemberDescriptorType = type(FunctionType.__globals__)
except Exception:
    pass

NoneType = type(None)
NotImplementedType = type(NotImplemented)
EllipsisType = type(Ellipsis)
try:
    GenericAlias = type(list[int])
except Exception:
    pass
try:
    UnionType = type(int | str)
except Exception:
    pass

del sys, _f, _g, _C, _c, _ag


if SimpleNamespace is None:
    class SimpleNamespace:
        """A simple attribute-based namespace."""

        def __init__(self, mapping_or_iterable=(), /, **kwargs):
            self.__dict__.update(dict(mapping_or_iterable), **kwargs)

        def __repr__(self):
            items = (f"{k}={v!r}" for k, v in self.__dict__.items())
            name = 'namespace' if type(self) is SimpleNamespace else type(self).__name__
            return f'{name}({", ".join(items)})'

        def __eq__(self, other):
            if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
                return self.__dict__ == other.__dict__
            return NotImplemented

        __hash__ = None

        def __reduce__(self):
            return (type(self), (), dict(self.__dict__))


if 'MappingProxyType' not in globals():
    class MappingProxyType:
        """Read-only proxy of a mapping (Python stand-in for a runtime
        without a mappingproxy type).  Holds the mapping; never writes it."""

        __slots__ = ('_mapping',)

        def __new__(cls, mapping):
            if not hasattr(mapping, 'keys') or not hasattr(mapping, '__getitem__') or \
                    isinstance(mapping, (list, tuple)):
                raise TypeError("mappingproxy() argument must be a mapping, not %s"
                                % type(mapping).__name__)
            self = object.__new__(cls)
            object.__setattr__(self, '_mapping', mapping)
            return self

        def __getitem__(self, key):
            return self._mapping[key]

        def get(self, key, default=None):
            return self._mapping.get(key, default)

        def keys(self):
            return self._mapping.keys()

        def values(self):
            return self._mapping.values()

        def items(self):
            return self._mapping.items()

        def copy(self):
            return self._mapping.copy()

        def __iter__(self):
            return iter(self._mapping)

        def __reversed__(self):
            return reversed(self._mapping)

        def __len__(self):
            return len(self._mapping)

        def __contains__(self, key):
            return key in self._mapping

        def __eq__(self, other):
            return self._mapping == other

        def __or__(self, other):
            if isinstance(other, MappingProxyType):
                other = other._mapping
            return dict(self._mapping) | other

        def __ror__(self, other):
            return other | dict(self._mapping)

        def __repr__(self):
            return 'mappingproxy(%r)' % (self._mapping,)

        def __str__(self):
            return str(self._mapping)

        def __setattr__(self, name, value):
            raise AttributeError("'mappingproxy' object has no attribute %r" % (name,))

        __hash__ = None

    MappingProxyType.__name__ = MappingProxyType.__qualname__ = 'mappingproxy'
    try:
        import _collections_abc
        _collections_abc.Mapping.register(MappingProxyType)
    except ImportError:
        pass


def new_class(name, bases=(), kwds=None, exec_body=None):
    """Create a class object dynamically using the appropriate metaclass."""
    resolved_bases = resolve_bases(bases)
    meta, ns, kwds = prepare_class(name, resolved_bases, kwds)
    if exec_body is not None:
        exec_body(ns)
    if resolved_bases is not bases:
        ns['__orig_bases__'] = bases
    return meta(name, resolved_bases, ns, **kwds)


def resolve_bases(bases):
    """Resolve MRO entries dynamically as specified by PEP 560."""
    new_bases = list(bases)
    updated = False
    shift = 0
    for i, base in enumerate(bases):
        if isinstance(base, type):
            continue
        if not hasattr(base, "__mro_entries__"):
            continue
        new_base = base.__mro_entries__(bases)
        updated = True
        if not isinstance(new_base, tuple):
            raise TypeError("__mro_entries__ must return a tuple")
        else:
            new_bases[i + shift:i + shift + 1] = new_base
            shift += len(new_base) - 1
    if not updated:
        return bases
    return tuple(new_bases)


def prepare_class(name, bases=(), kwds=None):
    """Call the __prepare__ method of the appropriate metaclass."""
    if kwds is None:
        kwds = {}
    else:
        kwds = dict(kwds)
    if 'metaclass' in kwds:
        meta = kwds.pop('metaclass')
    else:
        if bases:
            meta = type(bases[0])
        else:
            meta = type
    if isinstance(meta, type):
        meta = _calculate_meta(meta, bases)
    if hasattr(meta, '__prepare__'):
        ns = meta.__prepare__(name, bases, **kwds)
    else:
        ns = {}
    return meta, ns, kwds


def _calculate_meta(meta, bases):
    winner = meta
    for base in bases:
        base_meta = type(base)
        if issubclass(winner, base_meta):
            continue
        if issubclass(base_meta, winner):
            winner = base_meta
            continue
        raise TypeError("metaclass conflict: "
                        "the metaclass of a derived class "
                        "must be a (non-strict) subclass "
                        "of the metaclasses of all its bases")
    return winner


def get_original_bases(cls, /):
    try:
        return cls.__dict__.get("__orig_bases__", cls.__bases__)
    except AttributeError:
        raise TypeError(f"Expected an instance of type, not {type(cls).__name__!r}") from None


class DynamicClassAttribute:
    """Route attribute access on a class to __getattr__ (used by enum):
    an instance-level property that raises AttributeError on the class."""

    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        self.fget = fget
        self.fset = fset
        self.fdel = fdel
        self.__doc__ = doc or getattr(fget, '__doc__', None)
        self.overwrite_doc = doc is None
        self.__isabstractmethod__ = bool(getattr(fget, '__isabstractmethod__', False))

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            if self.__isabstractmethod__:
                return self
            raise AttributeError()
        elif self.fget is None:
            raise AttributeError("unreadable attribute")
        return self.fget(instance)

    def __set__(self, instance, value):
        if self.fset is None:
            raise AttributeError("can't set attribute")
        self.fset(instance, value)

    def __delete__(self, instance):
        if self.fdel is None:
            raise AttributeError("can't delete attribute")
        self.fdel(instance)

    def getter(self, fget):
        fdoc = fget.__doc__ if self.overwrite_doc else None
        result = type(self)(fget, self.fset, self.fdel, fdoc or self.__doc__)
        result.overwrite_doc = self.overwrite_doc
        return result

    def setter(self, fset):
        result = type(self)(self.fget, fset, self.fdel, self.__doc__)
        result.overwrite_doc = self.overwrite_doc
        return result

    def deleter(self, fdel):
        result = type(self)(self.fget, self.fset, fdel, self.__doc__)
        result.overwrite_doc = self.overwrite_doc
        return result


def coroutine(func):
    """Convert regular generator function to a coroutine."""
    if not callable(func):
        raise TypeError('types.coroutine() expects a callable')
    co = getattr(func, '__code__', None)
    if co is not None and co.co_flags & 0x180:   # already a coroutine
        return func
    if co is not None and co.co_flags & 0x20:    # generator function
        try:
            func.__code__ = co.replace(co_flags=co.co_flags | 0x100)
            return func
        except Exception:
            pass

    def wrapped(*args, **kwargs):
        return func(*args, **kwargs)
    return wrapped


__all__ = [n for n in globals() if n[:1] != '_']
