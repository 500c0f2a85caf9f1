x = ("a"
 b"c")
