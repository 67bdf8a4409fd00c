"""`python -m chronik` is the `chronik` command."""

from chronik.cli import main

if __name__ == "__main__":
    main()
