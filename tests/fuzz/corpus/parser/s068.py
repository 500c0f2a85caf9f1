f"{{literal}} {a['k']} {b:%Y-%m-%d}"
