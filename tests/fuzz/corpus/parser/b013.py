if x:
    pass

  
