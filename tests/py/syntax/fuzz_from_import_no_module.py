from import path
