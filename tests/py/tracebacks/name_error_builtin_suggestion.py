result = lenn([1, 2, 3])
