import abc
class Base(abc.ABC):
    @abc.abstractmethod
    def run(self): ...
    @property
    @abc.abstractmethod
    def name(self): ...
class Impl(Base):
    def run(self): return "run"
    @property
    def name(self): return "impl"
print(Impl().run(), Impl().name, Base.__abstractmethods__ == frozenset({"run", "name"}), isinstance(Impl(), Base))
class Virtual(abc.ABC): pass
Virtual.register(int)
print(isinstance(5, Virtual), issubclass(int, Virtual), issubclass(str, Virtual))
