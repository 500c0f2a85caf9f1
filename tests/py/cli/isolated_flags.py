import sys
print(sys.flags.ignore_environment, sys.flags.no_user_site, sys.flags.isolated)
