"""copy -- shallow and deep copy operations (Weft).

copy() and deepcopy() dispatch on the type: atomic types are returned as
they are, containers are rebuilt, classes may define __copy__ /
__deepcopy__, and everything else goes through __reduce_ex__(4) /
__reduce__ as in CPython.  The dispatch tables are built at import and
only read afterwards; the deepcopy memo is per call.
"""

import types


class Error(Exception):
    pass


error = Error

__all__ = ["Error", "copy", "deepcopy"]


def _copyreg_reconstructor(cls, base, state):
    if base is object:
        obj = object.__new__(cls)
    else:
        obj = base.__new__(cls, state)
        if base.__init__ != object.__init__:
            base.__init__(obj, state)
    return obj


def _reduce(x):
    """(callable, args, state, listiter, dictiter) for x, as __reduce_ex__(4)."""
    cls = type(x)
    rv = None
    if _defined_below_object(cls, '__reduce_ex__'):
        rv = x.__reduce_ex__(4)
    elif _defined_below_object(cls, '__reduce__'):
        rv = x.__reduce__()
    if rv is None:
        # Generic object protocol when the runtime has no __reduce_ex__.
        if hasattr(x, '__getnewargs_ex__'):
            args, kwargs = x.__getnewargs_ex__()
            obj_args = (cls,) + tuple(args)
            if kwargs:
                rv = (_newobj_ex, (cls, tuple(args), kwargs))
            else:
                rv = (_newobj, obj_args)
        elif hasattr(x, '__getnewargs__'):
            rv = (_newobj, (cls,) + tuple(x.__getnewargs__()))
        else:
            rv = (_newobj, (cls,))
        getstate = getattr(x, '__getstate__', None)
        if getstate is not None:
            try:
                state = getstate()
            except TypeError:
                state = None
        else:
            state = getattr(x, '__dict__', None) or None
            slots = _slotnames(cls)
            if slots:
                sd = {}
                for name in slots:
                    try:
                        sd[name] = getattr(x, name)
                    except AttributeError:
                        pass
                if sd:
                    state = (state, sd)
        if isinstance(x, (set, frozenset)) and not hasattr(x, '__getnewargs__'):
            # a runtime whose sets have no __reduce__: rebuild from the items
            rv = (cls, (list(x),))
        listiter = iter(x) if isinstance(x, list) else None
        dictiter = iter(x.items()) if isinstance(x, dict) else None
        rv = rv + (state, listiter, dictiter)
    return rv


def _defined_below_object(cls, name):
    """True when a class of cls's MRO other than object defines name."""
    for c in cls.__mro__:
        if c is object:
            return False
        if name in c.__dict__:
            return True
    return False


def _slotnames(cls):
    names = []
    for c in cls.__mro__:
        if "__slots__" in c.__dict__:
            slots = c.__dict__['__slots__']
            if isinstance(slots, str):
                slots = (slots,)
            for name in slots:
                if name in ("__dict__", "__weakref__"):
                    continue
                if name.startswith('__') and not name.endswith('__'):
                    stripped = c.__name__.lstrip('_')
                    if stripped:
                        name = '_%s%s' % (stripped, name)
                names.append(name)
    return names


def _newobj(cls, *args):
    return cls.__new__(cls, *args)


def _newobj_ex(cls, args, kwargs):
    return cls.__new__(cls, *args, **kwargs)


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)

    copier = _copy_dispatch.get(cls)
    if copier:
        return copier(x)

    if issubclass(cls, type):
        return _copy_immutable(x)

    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)

    rv = _reduce(x)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


_copy_dispatch = d = {}


def _copy_immutable(x):
    return x


for t in (type(None), int, float, bool, complex, str, tuple,
          bytes, frozenset, type, range, slice, property,
          types.BuiltinFunctionType, type(Ellipsis), type(NotImplemented),
          types.FunctionType, getattr(types, 'CodeType', None)):
    if t is not None:
        d[t] = _copy_immutable

d[list] = list.copy
d[dict] = dict.copy
d[set] = set.copy
d[bytearray] = bytearray.copy

del d, t


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}

    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y

    cls = type(x)

    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    else:
        if issubclass(cls, type):
            y = _deepcopy_atomic(x, memo)
        else:
            copier = getattr(x, "__deepcopy__", None)
            if copier is not None:
                y = copier(memo)
            else:
                rv = _reduce(x)
                if isinstance(rv, str):
                    y = x
                else:
                    y = _reconstruct(x, memo, *rv)

    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


_deepcopy_dispatch = d = {}


def _deepcopy_atomic(x, memo):
    return x


for t in (type(None), type(Ellipsis), type(NotImplemented), int, float,
          bool, complex, bytes, str, getattr(types, 'CodeType', None), type,
          range, types.BuiltinFunctionType, types.FunctionType, property):
    if t is not None:
        d[t] = _deepcopy_atomic


def _deepcopy_list(x, memo, deepcopy=deepcopy):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(deepcopy(a, memo))
    return y


d[list] = _deepcopy_list


def _deepcopy_tuple(x, memo, deepcopy=deepcopy):
    y = [deepcopy(a, memo) for a in x]
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            y = tuple(y)
            break
    else:
        y = x
    return y


d[tuple] = _deepcopy_tuple


def _deepcopy_dict(x, memo, deepcopy=deepcopy):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


d[dict] = _deepcopy_dict


def _deepcopy_method(x, memo):
    return type(x)(x.__func__, deepcopy(x.__self__, memo))


d[types.MethodType] = _deepcopy_method

del d, t


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reconstruct(x, memo, func, args,
                 state=None, listiter=None, dictiter=None,
                 *, deepcopy=deepcopy):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y

    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)

    if listiter is not None:
        if deep:
            for item in listiter:
                item = deepcopy(item, memo)
                y.append(item)
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
                y[key] = value
        else:
            for key, value in dictiter:
                y[key] = value
    return y
