d[k]: float
