// Draws every chart on the page from its <script type="application/json"> figure.
// No inline script anywhere: the Content-Security-Policy forbids it.
"use strict";

(function () {
  const NARROW_PX = 560; // below this, event labels crowd each other; the list under the chart has them
  const FIT_ROUNDS = 6;
  const darkQuery = window.matchMedia("(prefers-color-scheme: dark)");

  function cssColour(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }

  function themeUpdate() {
    // Axis text and grid follow the page's colours, so a dark theme gets light text.
    const text = cssColour("--text");
    const rule = cssColour("--rule");
    return {
      "font.color": text,
      "xaxis.gridcolor": rule,
      "yaxis.gridcolor": rule,
      "xaxis.linecolor": rule,
      "yaxis.zerolinecolor": rule,
      "legend.font.color": text,
    };
  }

  function eventLabelUpdate(plot) {
    // Stack event labels in rows for the width the chart has now, so that none overlaps;
    // on a phone there is no room, and the list under the chart has them all.
    const layout = plot.layout;
    const annotations = layout.annotations || [];
    const visible = plot.clientWidth >= NARROW_PX;
    const range = (layout.xaxis.range || []).map(function (day) { return new Date(day).getTime(); });
    const width = plot.clientWidth - layout.margin.l - layout.margin.r;
    const rowEnds = [];
    // The server's measures (app/charts/figure.py): rows allowed, row height, a character's width.
    const meta = layout.meta || {};
    const maxRows = meta.labelRows || Infinity;
    const rowPx = meta.labelRowPx || 16;
    const charPx = meta.labelCharPx || 6.5;
    const marginTop = meta.marginTopPx || 24;
    const update = {};
    annotations.forEach(function (annotation, index) {
      if (annotation.name !== "event-label") {
        return;
      }
      update["annotations[" + index + "].visible"] = visible;
      if (!visible || range.length !== 2) {
        return;
      }
      const at = (new Date(annotation.x).getTime() - range[0]) / (range[1] - range[0]) * width;
      const textWidth = annotation.text.length * charPx + 8;
      // A label that would run off the right edge ends at its line instead of starting there.
      const flip = at + textWidth > width;
      const start = flip ? at - textWidth : at;
      let row = rowEnds.findIndex(function (end) { return end <= start; });
      if (row === -1 && rowEnds.length >= maxRows) {
        // No room left: the marker stays, and the list under the chart names the event.
        update["annotations[" + index + "].visible"] = false;
        return;
      }
      if (row === -1) {
        row = rowEnds.length;
        rowEnds.push(0);
      }
      rowEnds[row] = start + textWidth;
      update["annotations[" + index + "].yshift"] = rowPx * row;
      update["annotations[" + index + "].xanchor"] = flip ? "right" : "left";
    });
    update["margin.t"] = marginTop + rowPx * rowEnds.length;
    const changed = Object.keys(update).some(function (key) {
      return readPath(layout, key) !== update[key];
    });
    return changed ? update : {};
  }

  function readPath(layout, key) {
    // Read "annotations[3].yshift" or "margin.t" from a layout.
    return key.split(/[.[\]]+/).filter(Boolean).reduce(function (value, part) {
      return value === undefined || value === null ? undefined : value[part];
    }, layout);
  }

  function wantedHeight(plot, baseHeight) {
    // The legend wraps into more rows on a narrow screen and Plotly takes its room from the plot:
    // grow the box so the plot keeps its minimum and the whole legend shows. Only ever grows for
    // one width (fit starts again from the server's estimate when the width changes), so
    // resizing cannot oscillate. Plotly fills the box (the chart is responsive).
    const full = plot._fullLayout;
    const minimum = (plot.layout.meta || {}).plotMinPx;
    if (!full || !full._size || !minimum) {
      return null;
    }
    // A long legend can also run past the box's bottom (Plotly then clips it and adds a scrollbar).
    const legend = plot.querySelector(".legend");
    const overflow = legend ? legend.getBoundingClientRect().bottom - plot.getBoundingClientRect().bottom : 0;
    const needed = Math.max(minimum - full._size.h, overflow > 0 ? overflow + 8 : 0);
    const height = Math.max(baseHeight, Math.round(full.height + needed));
    return height > full.height ? height : null;
  }

  function fit(plot, baseHeight, rounds) {
    // Size to the box, place the labels and set the box's height for that width; each change
    // can move the other, so check again (a few rounds at most).
    if (!plot.clientWidth) {
      return Promise.resolve(); // hidden: drawn again when it is shown
    }
    if (baseHeight && plot.dataset.fittedWidth !== String(plot.clientWidth)) {
      plot.dataset.fittedWidth = String(plot.clientWidth);
      plot.style.height = baseHeight + "px";
    }
    return Promise.resolve(window.Plotly.Plots.resize(plot)).then(function () {
      if (rounds <= 0) {
        return undefined;
      }
      const update = eventLabelUpdate(plot);
      const height = wantedHeight(plot, baseHeight);
      if (height !== null) {
        plot.style.height = height + "px";
      }
      if (Object.keys(update).length) {
        return window.Plotly.relayout(plot, update).then(function () {
          return fit(plot, baseHeight, rounds - 1);
        });
      }
      return height !== null ? fit(plot, baseHeight, rounds - 1) : undefined;
    });
  }

  function draw(container) {
    const source = document.getElementById(container.dataset.figure);
    if (!source || !window.Plotly) {
      return;
    }
    const figure = JSON.parse(source.textContent);
    Object.entries(themeUpdate()).forEach(function (entry) {
      const path = entry[0].split(".");
      let target = figure.layout;
      path.slice(0, -1).forEach(function (key) {
        target[key] = target[key] || {};
        target = target[key];
      });
      target[path[path.length - 1]] = entry[1];
    });
    const baseHeight = (figure.layout.meta || {}).heightPx || 0;
    if (baseHeight) {
      container.style.height = baseHeight + "px";
    }
    window.Plotly.newPlot(container, figure.data, figure.layout, figure.config).then(function (plot) {
      const loading = container.querySelector(".chart-loading");
      if (loading) {
        loading.remove();
      }
      plot.on("plotly_click", function (event) {
        const point = event.points && event.points[0];
        const target = point && point.customdata && point.customdata[0];
        if (target) {
          window.top === window ? window.location.assign(target) : window.open(target, "_blank", "noopener");
        }
      });
      const fitted = fit(plot, baseHeight, FIT_ROUNDS);
      // Redraw when the box changes size: a window or iframe resized, a tab shown, a phone rotated.
      let timer = null;
      new ResizeObserver(function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(function () { fit(plot, baseHeight, FIT_ROUNDS); }, 100);
      }).observe(plot);
      fitted.then(function () {
        container.classList.add("chart-drawn");
      });
    });
  }

  darkQuery.addEventListener("change", function () {
    document.querySelectorAll(".chart-drawn").forEach(function (plot) {
      window.Plotly.relayout(plot, themeUpdate());
    });
  });

  document.querySelectorAll("[data-figure]").forEach(draw);
  // For the explorer (explorer.js): draw the charts a filter change has put into the page.
  window.NKWCharts = { drawAll: function (root) { (root || document).querySelectorAll("[data-figure]").forEach(draw); } };
})();
