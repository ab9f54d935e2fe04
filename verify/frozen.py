"""Frozen records as dataclasses(frozen=True) makes them, for less start-up.

dataclasses writes each method of each record as source text and compiles it (exec): about six
compiles a frozen record, which came to 30% of the instructions of a run on a one-line file (50
records, made at every import). `record` has dataclasses find the fields and make the slots, and
compiles only each record's __init__ (the one method whose speed matters, written as dataclasses
writes it); __eq__, __hash__, __repr__ and the __setattr__ and __delattr__ that keep a record
frozen read its fields by name, from functions compiled once with this module: the same tuples
compared and hashed, the same text printed, the same FrozenInstanceError.
"""

from __future__ import annotations

import dataclasses
import operator
import reprlib

_FACTORY = object()   # the default of a parameter whose field has a default_factory


def record(cls=None, /, *, slots: bool = False, init: bool = True):
    """@dataclass(frozen=True, slots=slots, init=init), made with one compile (a method the class
    writes itself is kept, as dataclass keeps it)."""
    def wrap(cls):
        own = {name for name in ("__init__", "__eq__", "__repr__") if name in cls.__dict__}
        if cls.__dict__.get("__hash__") is not None:   # (None is what Python sets beside an __eq__ of the class)
            own.add("__hash__")
        made = dataclasses.dataclass(cls, init=False, repr=False, eq=False, slots=slots)
        fields = dataclasses.fields(made)
        names = tuple(f.name for f in fields)
        methods = {"__init__": _init(fields, hasattr(made, "__post_init__")) if init else None,
                   "__repr__": _repr(tuple(f.name for f in fields if f.repr)),
                   "__eq__": _eq(_values(tuple(f.name for f in fields if f.compare))),
                   "__hash__": _hash(_values(tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash))))}
        for name, method in methods.items():
            if method is not None and name not in own:
                setattr(made, name, method)
        made.__setattr__, made.__delattr__ = _frozen(cls, names)
        if slots:   # (pickled by their fields' values, set as __init__ sets them: as dataclass does)
            made.__getstate__, made.__setstate__ = _getstate, _setstate
        return made
    return wrap if cls is None else wrap(cls)


def _init(fields, post_init: bool):
    """__init__ as dataclass writes it for a frozen class: each field stored through object.__setattr__."""
    scope = {"__store": object.__setattr__, "__factory": _FACTORY}
    params, lines = [], []
    for f in fields:
        default, factory = f.default is not dataclasses.MISSING, f.default_factory is not dataclasses.MISSING
        scope[f"__default_{f.name}"], scope[f"__make_{f.name}"] = f.default, f.default_factory
        if f.init:
            params.append(f.name + (f"=__default_{f.name}" if default else "=__factory" if factory else ""))
            value = f"__make_{f.name}() if {f.name} is __factory else {f.name}" if factory else f.name
        elif factory or default:
            value = f"__make_{f.name}()" if factory else f"__default_{f.name}"
        else:
            continue
        lines.append(f"__store(self, {f.name!r}, {value})")
    if post_init:
        lines.append("self.__post_init__()")
    namespace: dict = {}
    exec(f"def __init__(self, {', '.join(params)}):\n    " + "\n    ".join(lines or ["pass"]), scope, namespace)  # noqa: S102 - our own field names
    return namespace["__init__"]


def _frozen(cls, names: tuple[str, ...]):
    """The __setattr__ and __delattr__ dataclass gives a frozen class."""
    def __setattr__(self, name, value):
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return __setattr__, __delattr__


def _getstate(self):
    return [getattr(self, f.name) for f in dataclasses.fields(self)]


def _setstate(self, state):
    for field, value in zip(dataclasses.fields(self), state):
        object.__setattr__(self, field.name, value)


def _values(names: tuple[str, ...]):
    """The fields' values as one tuple, as dataclasses' methods write (self.a, self.b,)."""
    if len(names) > 1:
        return operator.attrgetter(*names)
    if names:
        one = operator.attrgetter(names[0])
        return lambda obj: (one(obj),)
    return lambda obj: ()


def _eq(values):
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return values(self) == values(other)
        return NotImplemented
    return __eq__


def _hash(values):
    def __hash__(self):
        return hash(values(self))
    return __hash__


def _repr(names: tuple[str, ...]):
    @reprlib.recursive_repr()
    def __repr__(self):
        return f"{self.__class__.__qualname__}({', '.join(f'{name}={getattr(self, name)!r}' for name in names)})"
    return __repr__
