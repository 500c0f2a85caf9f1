from os import path, sep as s
