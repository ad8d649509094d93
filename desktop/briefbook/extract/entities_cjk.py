"""stub"""


def extract(doc):
    pass
