import sys
try:
    sys.exit()
except SystemExit as e:
    print("code", e.code)
sys.exit(0)
