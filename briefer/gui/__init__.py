"""The desktop app: the only package that imports Qt (and only through ``gui.qt``)."""
