import SXCore
print("sxsh")
