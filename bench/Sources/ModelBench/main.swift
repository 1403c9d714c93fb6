print("ModelBench: usage: ModelBench <benchmark>")
