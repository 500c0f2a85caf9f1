print("pkg.core loading, __package__ =", __package__)
def greet(name):
    return f"hello {name} from {__name__}"
_private = "hidden"
