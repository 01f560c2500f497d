"""Helpers for the word-counting tool."""


def read_text(path):
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def count_words(text):
    return len(text.split())


class WordCounter:
    def __init__(self):
        self.total = 0

    def add(self, text):
        self.total += count_words(text)
        return self.total
