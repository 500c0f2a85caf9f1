from string import Template
t = Template("$who likes ${what}s, $$5")
print(t.substitute(who="Tim", what="cake"))
print(t.safe_substitute(who="Ann"))
try:
    t.substitute(who="x")
except KeyError as e:
    print("KeyError", e)
