s = "日本語のテキスト日本"
print(s.find("日本", 1), s.rfind("日本"), s.count("日本"), s.index("テ"), s[3:5], s.split("の"), s.replace("日本", "JP"))
