def f(*a, **k):
    return len(a), len(k)
args = list(range(300))
print(f(*args), f(**{f"k{i}": i for i in range(300)}))
print(max(*range(1000)), min(*"zyx"))
