"""Command-line entry point of a small word-counting tool."""
import sys

from tool.helpers import count_words, read_text


def main(argv):
    if len(argv) < 2:
        print("usage: main.py FILE", file=sys.stderr)
        return 2
    text = read_text(argv[1])
    print(count_words(text))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
