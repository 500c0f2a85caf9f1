print("aaaa".count("aa"), "ababab".count("aba"), "aaaa".replace("aa", "b"), "aaaa".find("aa", 1))
