name = input()
print("Hello,", name)
age = input("Age? ")
print("Next year", int(age) + 1)
try:
    input()
except EOFError as e:
    print("EOFError", repr(str(e)))
