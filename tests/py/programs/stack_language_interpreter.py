def run(src):
    stack, out, defs = [], [], {}
    toks = src.split()
    def execute(tokens):
        i = 0
        while i < len(tokens):
            t = tokens[i]
            if t == ":":
                j = tokens.index(";", i)
                defs[tokens[i + 1]] = tokens[i + 2:j]
                i = j + 1
                continue
            if t in defs:
                execute(defs[t])
            elif t.lstrip("-").isdigit():
                stack.append(int(t))
            elif t in ("+", "-", "*", "/", "%"):
                b, a = stack.pop(), stack.pop()
                stack.append({"+": a + b, "-": a - b, "*": a * b, "/": a // b, "%": a % b}[t])
            elif t == "dup":
                stack.append(stack[-1])
            elif t == "swap":
                stack[-1], stack[-2] = stack[-2], stack[-1]
            elif t == "drop":
                stack.pop()
            elif t == ".":
                out.append(stack.pop())
            else:
                raise NameError(f"unknown word {t!r}")
            i += 1
    execute(toks)
    return out, stack
print(run(": sq dup * ; : cube dup sq * ; 3 sq . 4 cube . 10 3 % . 7 2 swap - ."))
try:
    run("1 2 frob")
except NameError as e:
    print("error:", e)
try:
    run("+")
except IndexError as e:
    print("error:", e)
