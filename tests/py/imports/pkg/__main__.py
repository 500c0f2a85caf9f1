print("pkg/__main__ ran as", __name__)
