print("InferenceBench: usage: InferenceBench <benchmark>")
