obj.attr: str = "s"
