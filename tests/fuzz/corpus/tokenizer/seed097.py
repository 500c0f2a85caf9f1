x = '\N{hangul syllable GAG}'
