f"{x:{y}}" "plain" f"{z}"
