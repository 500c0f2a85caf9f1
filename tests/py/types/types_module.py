import types
print(types.FunctionType, types.BuiltinFunctionType, types.MethodType.__name__, types.ModuleType.__name__)
ns = types.SimpleNamespace(a=1, b="x")
ns.c = [1]
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b="x", c=[1]))
def gen(): yield 1
print(isinstance(gen(), types.GeneratorType), isinstance(len, types.BuiltinFunctionType), types.NoneType)
m = types.ModuleType("mymod", "doc")
m.x = 5
print(m.__name__, m.__doc__, m.x)
