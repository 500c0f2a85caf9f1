café = "coffee"
π = 3.14159
def grüß(名前):
    return f"hallo {名前}"
class Ωmega:
    ñ = 1
print(café, π, grüß("世界"), Ωmega.ñ, Ωmega.__name__)
ﬁ = "ligature normalised"
print(fi)
