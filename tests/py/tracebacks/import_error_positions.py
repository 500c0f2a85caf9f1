# Every instruction of an import statement carries the statement's position
# (3.11), so the traceback line of a failed import has no markers.
import traceback


def f():
    import sys, nosuchmod_z


def g():
    from sys import path as p, nosuchname_y


for fn in (f, g):
    try:
        fn()
    except ImportError:
        traceback.print_exc()


def h():
    import nosuchmodule_x


h()
