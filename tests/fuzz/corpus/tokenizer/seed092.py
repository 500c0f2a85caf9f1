x = '\N{latin small letter a}'
