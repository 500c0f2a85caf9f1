ñame = 'é'
