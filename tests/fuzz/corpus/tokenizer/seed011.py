x = 'abc'  
