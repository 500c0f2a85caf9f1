result = (1 +
          2 +
          "three")
