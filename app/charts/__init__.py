"""Tables in, Plotly figures and their words out: no HTTP, no I/O."""
