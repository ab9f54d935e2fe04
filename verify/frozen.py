"""Frozen records as dataclasses(frozen=True) makes them, for less start-up.

dataclasses writes each method of each record as source text and compiles it (exec): about six
compiles a frozen record, which came to 30% of the instructions of a run on a one-line file (50
records, made at every import). `record` lets dataclasses write only what must be written for
each record (its __init__, and the __setattr__ and __delattr__ that keep it frozen) and gives it
__eq__, __hash__ and __repr__ that read its fields by name: the same values (the same tuples are
compared and hashed, the same text printed), from functions compiled once with this module.
On Python 3.11 and 3.12 the frozen __setattr__ and __delattr__ are made without compiling too
(_frozen_methods): two compiles of the three a record cost, about 10 ms of every start.
"""

from __future__ import annotations

import dataclasses
import operator
import reprlib
import sys

# dataclasses' maker of a frozen class's __setattr__ and __delattr__ (3.11, 3.12: compiled from text;
# 3.13 compiles all of a class's methods at once, and makes these differently)
_SWAPPABLE = sys.version_info[:2] in ((3, 11), (3, 12)) and hasattr(dataclasses, "_frozen_get_del_attr")


def record(cls=None, /, *, slots: bool = False, init: bool = True):
    """@dataclass(frozen=True, slots=slots, init=init), its __eq__, __hash__ and __repr__ made
    without compiling (a method the class writes itself is kept, as dataclass keeps it)."""
    def wrap(cls):
        own = {name for name in ("__eq__", "__repr__") if name in cls.__dict__}
        if cls.__dict__.get("__hash__") is not None:   # (None is what Python sets beside an __eq__ of the class)
            own.add("__hash__")
        made = _frozen_dataclass(cls, init, slots)
        fields = dataclasses.fields(made)
        if "__repr__" not in own:
            made.__repr__ = _repr(tuple(f.name for f in fields if f.repr))
        if "__eq__" not in own:
            made.__eq__ = _eq(_values(tuple(f.name for f in fields if f.compare)))
        if "__hash__" not in own:
            made.__hash__ = _hash(_values(tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash))))
        return made
    return wrap if cls is None else wrap(cls)


def _frozen_dataclass(cls, init: bool, slots: bool):
    """dataclass(cls, frozen=True, …), its __setattr__ and __delattr__ from _frozen_methods."""
    if not _SWAPPABLE:
        return dataclasses.dataclass(cls, init=init, repr=False, eq=False, frozen=True, slots=slots)
    compiled = dataclasses._frozen_get_del_attr
    dataclasses._frozen_get_del_attr = _frozen_methods   # (at import, while this one class is made)
    try:
        return dataclasses.dataclass(cls, init=init, repr=False, eq=False, frozen=True, slots=slots)
    finally:
        dataclasses._frozen_get_del_attr = compiled


def _frozen_methods(cls, fields, globals):
    """The __setattr__ and __delattr__ dataclasses writes for a frozen class (3.11, 3.12), as
    closures: the same test (the class made, or a field's name), the same error, the same call on."""
    names = tuple(f.name for f in fields)

    def __setattr__(self, name, value):
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return __setattr__, __delattr__


def slot_setters(cls: type) -> tuple:
    """The store of each field of a frozen, slotted dataclass, in field order, for an __init__ of
    its own: the one dataclass writes stores each field through object.__setattr__ (to pass the
    frozen class's refusal), which costs about twice as much, and a page makes tens of thousands
    of figures and statements. The class stays frozen: setting a field later still raises."""
    return tuple(cls.__dict__[f.name].__set__ for f in dataclasses.fields(cls))


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
