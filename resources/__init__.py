"""Icons, sample photos and styles, shipped as package data (``aurax_desktop.resources``)."""
