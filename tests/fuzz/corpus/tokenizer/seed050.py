#!/bin/sh
# vim: set fileencoding=foo :
x=1
