"""Thin routers: parse the request, ask a pure function, render."""
