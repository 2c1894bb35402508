print("dealq")
