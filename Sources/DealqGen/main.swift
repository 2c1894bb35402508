print("dealq-gen")
