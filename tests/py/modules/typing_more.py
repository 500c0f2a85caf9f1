from typing import Optional, Union, List, Dict, get_type_hints, cast, overload, Final, Literal, ClassVar
import typing
def f(x: int, y: Optional[str] = None) -> List[int]:
    return [x]
print(get_type_hints(f), cast(int, "not converted"), typing.get_origin(List[int]), typing.get_args(Dict[str, int]))
print(Union[int, str] == Union[str, int], Optional[int] == Union[int, None], int | str, (int | None) == Optional[int])
class C:
    a: ClassVar[int] = 1
    b: Final = 2
    c: Literal["x", "y"] = "x"
print(C.__annotations__)
T = typing.TypeVar("T", bound=int)
print(T.__name__, T.__bound__, typing.Any, repr(typing.List))
