from mypkg import cycle_a, cycle_b
print(cycle_a.get_b(), cycle_b.get_a())
