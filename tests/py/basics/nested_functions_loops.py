def primes(n):
    out = []
    for i in range(2, n):
        for p in out:
            if i % p == 0:
                break
        else:
            out.append(i)
    return out
print(primes(50))
