"""The reference: a minimal Dash app showing one chart, the same figure as our embed.

python bench/dash_app.py FIGURE_JSON PORT
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from dash import Dash, dcc, html

figure = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
app = Dash(__name__)  # assets are served locally by default: nothing comes from a CDN
app.layout = html.Div([dcc.Graph(figure={"data": figure["data"], "layout": figure["layout"]})])

if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(sys.argv[2]), debug=False)
