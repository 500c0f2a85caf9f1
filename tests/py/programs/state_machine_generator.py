def traffic_light():
    state = "red"
    durations = {"red": 3, "green": 2, "yellow": 1}
    nxt = {"red": "green", "green": "yellow", "yellow": "red"}
    while True:
        for _ in range(durations[state]):
            cmd = yield state
            if cmd == "emergency":
                state = "red"
                break
        else:
            state = nxt[state]
light = traffic_light()
seq = [next(light)]
for t in range(12):
    seq.append(light.send("emergency" if t == 7 else None))
print(seq)
