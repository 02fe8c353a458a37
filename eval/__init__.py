"""Quality scoring against labelled data: ``python -m eval <name>``; each ``eval/<name>.py`` has ``main(argv)``."""
