import os.path as osp, sys
