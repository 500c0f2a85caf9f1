from typing import List, Dict, Optional, Union, Tuple, Any, Callable, TypeVar, Generic, NamedTuple, TypedDict, Protocol
T = TypeVar("T")
class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
    def push(self, x: T) -> None:
        self.items.append(x)
s: Stack[int] = Stack()
s.push(1)
print(s.items, List[int], Optional[str], Union[int, str], Dict[str, int], Tuple[int, ...], Callable[[int], str])
class Emp(NamedTuple):
    name: str
    id: int = 3
print(Emp("a"), Emp("b", 5).id)
class Movie(TypedDict):
    title: str
m: Movie = {"title": "x"}
print(m, Any, T)
def f(x: "Optional[int]" = None) -> Union[int, None]:
    return x
print(f.__annotations__)
