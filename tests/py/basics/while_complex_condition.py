stack = [1, 2, 3, 0, 4]
while stack and stack[-1] != 0:
    print(stack.pop())
print(stack)
