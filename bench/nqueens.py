# bench/nqueens.py — count the solutions of the n-queens problem with a
# generator-based backtracking search over permutations (set arithmetic).
import sys

def solutions(n):
    cols = range(n)
    def place(row, used, d1, d2):
        if row == n:
            yield 1
            return
        for c in cols:
            if c not in used and (row + c) not in d1 and (row - c) not in d2:
                yield from place(row + 1, used | {c}, d1 | {row + c}, d2 | {row - c})
    return sum(place(0, frozenset(), frozenset(), frozenset()))

def first_solution(n):
    board = [-1] * n
    def ok(r, c):
        for pr in range(r):
            pc = board[pr]
            if pc == c or abs(pc - c) == r - pr:
                return False
        return True
    def go(r):
        if r == n:
            return True
        for c in range(n):
            if ok(r, c):
                board[r] = c
                if go(r + 1):
                    return True
        return False
    go(0)
    return board

if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 11
    for _ in range(3):
        total = sum(solutions(k) for k in range(4, n + 1))
    print("nqueens %d: %d solutions (4..%d), first %s" % (n, total, n, first_solution(n + 6)))
