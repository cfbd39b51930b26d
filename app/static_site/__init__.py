"""The whole site as static files, for nginx, an object store or a CDN: ``python -m app export DIR``.

The export crawls the real app in-process from a few seed paths and follows every link of this site it
finds, so the files are the dynamic app's own bytes; nothing here knows which routes exist.
"""
