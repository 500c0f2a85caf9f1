class A:
  nonlocal x
