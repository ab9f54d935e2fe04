"""Frozen records as dataclasses(frozen=True) makes them, for less start-up.

dataclasses writes each method of each record as source text and compiles it (exec): about six
compiles a frozen record, which came to 30% of the instructions of a run on a one-line file (50
records, made at every import). `record` lets dataclasses write only what must be written for
each record (its __init__, and the __setattr__ and __delattr__ that keep it frozen) and gives it
__eq__, __hash__ and __repr__ that read its fields by name: the same values (the same tuples are
compared and hashed, the same text printed), from functions compiled once with this module.
"""

from __future__ import annotations

import dataclasses
import operator
import reprlib


def record(cls=None, /, *, slots: bool = False, init: bool = True):
    """@dataclass(frozen=True, slots=slots, init=init), its __eq__, __hash__ and __repr__ made
    without compiling (a method the class writes itself is kept, as dataclass keeps it)."""
    def wrap(cls):
        own = {name for name in ("__eq__", "__repr__") if name in cls.__dict__}
        if cls.__dict__.get("__hash__") is not None:   # (None is what Python sets beside an __eq__ of the class)
            own.add("__hash__")
        made = dataclasses.dataclass(cls, init=init, repr=False, eq=False, frozen=True, slots=slots)
        fields = dataclasses.fields(made)
        if "__repr__" not in own:
            made.__repr__ = _repr(tuple(f.name for f in fields if f.repr))
        if "__eq__" not in own:
            made.__eq__ = _eq(_values(tuple(f.name for f in fields if f.compare)))
        if "__hash__" not in own:
            made.__hash__ = _hash(_values(tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash))))
        return made
    return wrap if cls is None else wrap(cls)


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
