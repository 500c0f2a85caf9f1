raise KeyboardInterrupt("from script")
