def f():
  continue
