class InsufficientFunds(Exception):
    pass
class Account:
    _next_id = 1
    def __init__(self, owner, balance=0):
        self.id = Account._next_id
        Account._next_id += 1
        self.owner = owner
        self._balance = balance
        self.history = []
    @property
    def balance(self):
        return self._balance
    def deposit(self, amt):
        if amt <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amt
        self.history.append(("dep", amt))
    def withdraw(self, amt):
        if amt > self._balance:
            raise InsufficientFunds(f"{self.owner}: need {amt}, have {self._balance}")
        self._balance -= amt
        self.history.append(("wd", amt))
    def __repr__(self):
        return f"Account(#{self.id} {self.owner}: {self._balance})"
class Bank:
    def __init__(self): self.accounts = {}
    def open(self, owner, initial=0):
        a = Account(owner, initial)
        self.accounts[a.id] = a
        return a
    def transfer(self, src, dst, amt):
        src.withdraw(amt)
        dst.deposit(amt)
bank = Bank()
alice = bank.open("alice", 100)
bob = bank.open("bob")
bank.transfer(alice, bob, 30)
try:
    bank.transfer(bob, alice, 50)
except InsufficientFunds as e:
    print("failed:", e)
try:
    bob.deposit(-5)
except ValueError as e:
    print("failed:", e)
print(list(bank.accounts.values()), alice.history, bob.history, sum(a.balance for a in bank.accounts.values()))
