// Makes each chart on the page interactive. The server has drawn every chart already (an inline SVG,
// app/charts/svg.py), so nothing here is needed to read one: plotly.js (over a megabyte) and the chart's
// figure (its twin /charts/{slug}.plotly) are fetched only when a reader reaches for the chart (a pointer
// over it, a tap, focus inside its figure), then Plotly replaces the drawing in a box of the same height.
// Why not also when the browser is idle: an article may carry several embeds, and each would spend a phone's
// main thread for a second on a chart its reader may only look at.
// No inline script anywhere: the Content-Security-Policy forbids it.
// The server writes each figure for a nominal width (app/charts/figure.py); this script redoes the
// parts that depend on the real width: event labels, the events lane's height, small multiples' columns.
"use strict";

(function () {
  const PLOTLY_SRC = document.currentScript ? document.currentScript.dataset.plotly : "";
  const NARROW_PX = 300; // below this, event labels do not fit; the list under the chart has them
  const FIT_ROUNDS = 6;
  const TAP_REPEAT_MS = 500;
  const HOVER_PX = 20; // Plotly's hoverdistance
  const darkQuery = window.matchMedia("(prefers-color-scheme: dark)");

  function cssColour(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }

  function axisNames(layout) {
    return Object.keys(layout).filter(function (key) { return /^[xy]axis\d*$/.test(key); });
  }

  function themeUpdate(layout) {
    // Axis text and grid follow the page's colours, so a dark theme gets light text.
    const text = cssColour("--text");
    const rule = cssColour("--rule");
    const update = { "font.color": text, "legend.font.color": text };
    axisNames(layout).forEach(function (axis) {
      update[axis + ".gridcolor"] = rule;
      update[axis + ".linecolor"] = rule;
      update[axis + ".zerolinecolor"] = rule;
    });
    return update;
  }

  function setPath(target, path, value) {
    const parts = path.split(".");
    parts.slice(0, -1).forEach(function (key) {
      target[key] = target[key] || {};
      target = target[key];
    });
    target[parts[parts.length - 1]] = value;
  }

  function readPath(layout, key) {
    // Read "annotations[3].yshift" or "margin.t" from a layout.
    return key.split(/[.[\]]+/).filter(Boolean).reduce(function (value, part) {
      return value === undefined || value === null ? undefined : value[part];
    }, layout);
  }

  function sameValue(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  function eventLabelUpdate(plot, update) {
    // Stack the ruled events' labels in rows for the width the chart has now, so that none overlaps.
    const layout = plot.layout;
    const meta = layout.meta || {};
    const annotations = layout.annotations || [];
    const visible = plot.clientWidth >= NARROW_PX;
    const range = ((layout.xaxis || {}).range || []).map(function (day) { return new Date(day).getTime(); });
    const width = plot.clientWidth - layout.margin.l - layout.margin.r;
    const rowEnds = [];
    const maxRows = meta.labelRows || Infinity;
    const rowPx = meta.labelRowPx || 16;
    const charPx = meta.labelCharPx || 6.5;
    const labelCount = annotations.filter(function (annotation) { return annotation.name === "event-label"; }).length;
    let seen = 0;
    annotations.forEach(function (annotation, index) {
      if (annotation.name !== "event-label") {
        return;
      }
      const first = seen === 0;
      seen += 1;
      update["annotations[" + index + "].visible"] = visible;
      if (!visible || range.length !== 2) {
        return;
      }
      const at = (new Date(annotation.x).getTime() - range[0]) / (range[1] - range[0]) * width;
      const textWidth = annotation.text.length * charPx + 8;
      // The earliest label ends at its line and the others start at theirs, so that two lines close
      // together read "Resolution 2397 | | Repatriation deadline"; none runs off either edge.
      const flip = first && labelCount > 1 ? at - textWidth >= 0 : at + textWidth > width;
      const start = flip ? at - textWidth : at;
      let row = rowEnds.findIndex(function (end) { return end <= start; });
      if (row === -1 && rowEnds.length >= maxRows) {
        update["annotations[" + index + "].visible"] = false; // the list under the chart names it
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
    if (meta.marginTopPx !== undefined) {
      update["margin.t"] = meta.marginTopPx + rowPx * rowEnds.length;
    }
  }

  function laneUpdate(plot, update) {
    // The events lane keeps its height in pixels whatever the plot's height.
    const meta = plot.layout.meta || {};
    const full = plot._fullLayout;
    if (!meta.lanePx || !plot.layout.yaxis2 || !full || !full._size) {
      return;
    }
    const height = full._size.h;
    const laneTop = Math.min(0.4, meta.lanePx / height);
    update["yaxis2.domain"] = [0, laneTop];
    update["yaxis.domain"] = [Math.min(0.9, laneTop + meta.laneGapPx / height), 1];
  }

  function panelColumns(plot) {
    const meta = plot.layout.meta || {};
    const width = plot.clientWidth - plot.layout.margin.l - plot.layout.margin.r;
    const fit = Math.floor(width / meta.panelMinWidthPx);
    return Math.max(1, Math.min(meta.maxColumns, meta.panels, fit));
  }

  function panelUpdate(plot, update) {
    // Small multiples: as many columns as the width holds, the height to match.
    const meta = plot.layout.meta || {};
    const columns = panelColumns(plot);
    update["grid.columns"] = columns;
    update["grid.rows"] = Math.ceil(meta.panels / columns);
  }

  function layoutUpdate(plot) {
    const update = {};
    if ((plot.layout.meta || {}).panels) {
      panelUpdate(plot, update);
    } else {
      eventLabelUpdate(plot, update);
      laneUpdate(plot, update);
    }
    const layout = plot.layout;
    Object.keys(update).forEach(function (key) {
      if (sameValue(readPath(layout, key), update[key])) {
        delete update[key];
      }
    });
    return update;
  }

  function baseHeight(plot) {
    const meta = plot.layout.meta || {};
    if (meta.panels) {
      const rows = Math.ceil(meta.panels / panelColumns(plot));
      return meta.marginTopPx + meta.marginBottomPx + rows * meta.panelPx;
    }
    return meta.heightPx || 0;
  }

  function wantedHeight(plot, base) {
    // The legend wraps into more rows on a narrow screen and Plotly takes its room from the plot:
    // grow the box so the plot keeps its minimum and the whole legend shows. Only ever grows for
    // one width (fit starts again from the base height when the width changes), so resizing
    // cannot oscillate. Plotly fills the box (the chart is responsive).
    const full = plot._fullLayout;
    const minimum = (plot.layout.meta || {}).plotMinPx;
    if (!full || !full._size || !minimum) {
      return null;
    }
    const legend = plot.querySelector(".legend");
    const overflow = legend ? legend.getBoundingClientRect().bottom - plot.getBoundingClientRect().bottom : 0;
    // The minimum is the plot's own, above the events lane.
    const plotPx = full.yaxis && full.yaxis._length ? full.yaxis._length : full._size.h;
    const needed = Math.max(minimum - plotPx, overflow > 0 ? overflow + 8 : 0);
    const height = Math.max(base, Math.round(full.height + needed));
    return height > full.height ? height : null;
  }

  function fit(plot, rounds) {
    // Size to the box, lay out for that width and set the box's height; each change can move
    // the other, so check again (a few rounds at most).
    if (!plot.clientWidth) {
      return Promise.resolve(); // hidden: drawn again when it is shown
    }
    const widthKey = String(plot.clientWidth);
    if (plot.dataset.fittedWidth !== widthKey) {
      plot.dataset.fittedWidth = widthKey;
      const base = baseHeight(plot);
      if (base) {
        plot.style.height = base + "px";
      }
    }
    // A resize redraws every subplot: only when the box and the drawing differ (not after every first draw).
    const full = plot._fullLayout;
    const sized = full && full.width === plot.clientWidth && full.height === plot.clientHeight;
    return Promise.resolve(sized ? undefined : window.Plotly.Plots.resize(plot)).then(function () {
      if (rounds <= 0) {
        return undefined;
      }
      const update = layoutUpdate(plot);
      const height = (plot.layout.meta || {}).panels ? null : wantedHeight(plot, baseHeight(plot));
      if (height !== null) {
        plot.style.height = height + "px";
      }
      if (Object.keys(update).length) {
        return window.Plotly.relayout(plot, update).then(function () {
          return fit(plot, rounds - 1);
        });
      }
      return height !== null ? fit(plot, rounds - 1) : undefined;
    });
  }

  function open(target) {
    if (window.top === window) {
      window.location.assign(target);
    } else {
      window.open(target, "_blank", "noopener");
    }
  }

  function openOnClick(plot, targetOf) {
    // A mouse click opens a mark's page at once. A tap shows its tooltip first (a phone has no
    // hover); a second tap on the same mark opens it. ``targetOf(point)`` is the page's address, or
    // nothing for a mark that links nowhere. The map (map.js) uses this too.
    let pointer = "mouse";
    let armed = null;
    let armedAt = 0;
    plot.addEventListener("pointerdown", function (event) { pointer = event.pointerType; }, true);
    plot.on("plotly_click", function (event) {
      const point = event.points && event.points[0];
      const target = point && targetOf(point);
      if (!target) {
        return;
      }
      const id = point.curveNumber + ":" + point.pointNumber;
      if (pointer === "touch") {
        // Plotly reports one tap twice (the touch, then the browser's emulated click): a repeat
        // within TAP_REPEAT_MS is the same tap.
        if (armed === id && Date.now() - armedAt < TAP_REPEAT_MS) {
          return;
        }
        if (armed !== id) {
          armed = id;
          armedAt = Date.now();
          window.Plotly.Fx.hover(plot, [{ curveNumber: point.curveNumber, pointNumber: point.pointNumber }],
            [point.xaxis._id + point.yaxis._id]);
          return;
        }
      }
      armed = null;
      open(target);
    });
    plot.on("plotly_unhover", function () {
      if (pointer !== "touch") {
        armed = null;
      }
    });
  }

  let plotlyLoading = null;

  function plotly() {
    // plotly.js, loaded once for the page however many charts (and the map, map.js) ask for it.
    if (window.Plotly) {
      return Promise.resolve(window.Plotly);
    }
    if (!plotlyLoading) {
      plotlyLoading = new Promise(function (resolve, reject) {
        const tag = document.createElement("script");
        tag.src = PLOTLY_SRC;
        tag.onload = function () { resolve(window.Plotly); };
        tag.onerror = function () {
          plotlyLoading = null; // a later interaction tries again
          tag.remove();
          reject(new Error("plotly.js did not load"));
        };
        document.head.appendChild(tag);
      });
    }
    return plotlyLoading;
  }

  function figureOf(container) {
    // Fetched once per chart: the drawing's hover words and Plotly both read it.
    if (!container.figureLoading) {
      container.figureLoading = fetch(container.dataset.figureSrc, { headers: { Accept: "application/json" } })
        .then(function (response) {
          if (!response.ok) {
            throw new Error("chart figure: HTTP " + response.status);
          }
          return response.json();
        });
      container.figureLoading.catch(function () { container.figureLoading = null; });
    }
    return container.figureLoading;
  }

  function hoverWords(figure) {
    // Each mark's hover words as Plotly shows them, by the mark's id (customdata [address, id]).
    const words = {};
    figure.data.forEach(function (trace) {
      (trace.customdata || []).forEach(function (data, index) {
        if (data && data[1] && trace.hovertext && !(data[1] in words)) {
          words[data[1]] = trace.hovertext[index];
        }
      });
    });
    return words;
  }

  function plainLines(html) {
    // Plotly's hover markup (<br>, <b>, entities) as lines of plain text: never parsed into the page.
    return html.split(/<br\s*\/?>/i).map(function (line) {
      return new DOMParser().parseFromString(line, "text/html").body.textContent;
    });
  }

  function markName(container, mark) {
    // The first drawing names its marks (data-m); the others hold the same marks in the same order (svg.py).
    if (mark.dataset.m) {
      return mark.dataset.m;
    }
    const drawing = mark.closest(".chart-svg");
    const named = container.querySelector(".chart-svg");
    const place = Array.prototype.indexOf.call(drawing.querySelectorAll(".cs-marks use"), mark);
    const twin = named.querySelectorAll(".cs-marks use")[place];
    return twin ? twin.dataset.m : undefined;
  }

  function shownDrawing(container) {
    // The server's drawing for this width: the stylesheet hides the others (one per layout).
    return Array.prototype.find.call(container.querySelectorAll(".chart-svg"), function (svg) {
      return svg.getBoundingClientRect().height > 0;
    });
  }

  function nearestMark(container, x, y) {
    // As Plotly picks the mark to label: the closest one within HOVER_PX of the pointer, a small one included.
    // Only the drawing this width shows: one box per mark per move.
    const shown = shownDrawing(container);
    let best = null;
    let bestDistance = HOVER_PX;
    (shown ? shown.querySelectorAll(".cs-marks use") : []).forEach(function (mark) {
      const box = mark.getBoundingClientRect();
      const dx = Math.max(box.left - x, 0, x - box.right);
      const dy = Math.max(box.top - y, 0, y - box.bottom);
      const distance = Math.sqrt(dx * dx + dy * dy);
      if (distance <= bestDistance) {
        best = mark;
        bestDistance = distance;
      }
    });
    return best;
  }

  function tipFor(container) {
    let tip = container.querySelector(".chart-tip");
    if (!tip) {
      tip = document.createElement("div");
      tip.className = "chart-tip";
      tip.hidden = true;
      container.appendChild(tip);
    }
    return tip;
  }

  function showTip(container, mark) {
    // The drawing's own hover label, until Plotly takes over: the same words, next to the mark.
    figureOf(container).then(function (figure) {
      if (container.hoveredMark !== mark || !mark.isConnected || container.dataset.drawn === "1") {
        return;
      }
      container.hoverWords = container.hoverWords || hoverWords(figure);
      const words = container.hoverWords[markName(container, mark)];
      if (!words) {
        return;
      }
      const tip = tipFor(container);
      tip.replaceChildren();
      plainLines(words).forEach(function (line, index) {
        const row = document.createElement(index === 0 ? "strong" : "span");
        row.textContent = line;
        tip.appendChild(row);
      });
      tip.hidden = false;
      const box = container.getBoundingClientRect();
      const at = mark.getBoundingClientRect();
      const left = Math.max(0, Math.min(at.right - box.left + 8, box.width - tip.offsetWidth));
      const below = at.bottom - box.top + 8;
      const top = below + tip.offsetHeight > box.height ? at.top - box.top - tip.offsetHeight - 8 : below;
      tip.style.left = left + "px";
      tip.style.top = Math.max(0, top) + "px";
    }).catch(function () { /* no words to show: Plotly's label comes with the chart, or not at all */ });
  }

  function hideTip(container) {
    const tip = container.querySelector(".chart-tip");
    if (tip) {
      tip.hidden = true;
    }
  }

  function replayPointer(container) {
    // The pointer that asked for the chart is still over it: show its hover label now, without waiting for
    // the reader to move again.
    // Not after a tap: a finger does not hover, and a tap has its own rule (openOnClick).
    const at = container.lastPointer;
    if (!at || at.type === "touch" || !container.matches(":hover")) {
      return;
    }
    const target = document.elementFromPoint(at.x, at.y);
    if (target && container.contains(target)) {
      target.dispatchEvent(new MouseEvent("mousemove", { clientX: at.x, clientY: at.y, bubbles: true }));
    }
  }

  function draw(container, figure) {
    const theme = themeUpdate(figure.layout);
    Object.keys(theme).forEach(function (path) { setPath(figure.layout, path, theme[path]); });
    // The server's drawing holds the chart's place until now: Plotly takes its box at its height and draws in
    // the same task, so nothing below the chart moves when one replaces the other.
    const drawings = container.querySelectorAll(".chart-svg, .chart-symbols");
    const shown = shownDrawing(container);
    const base = shown ? Math.round(shown.getBoundingClientRect().height) : (figure.layout.meta || {}).heightPx || 0;
    if (base) {
      container.style.height = base + "px";
    }
    drawings.forEach(function (svg) { svg.remove(); });
    const tip = container.querySelector(".chart-tip");
    if (tip) {
      tip.remove();
    }
    return window.Plotly.newPlot(container, figure.data, figure.layout, figure.config).then(function (plot) {
      openOnClick(plot, function (point) { return point.customdata && point.customdata[0]; });
      replayPointer(container);
      const fitted = fit(plot, FIT_ROUNDS);
      // Redraw when the box changes size: a window or iframe resized, a tab shown, a phone rotated.
      let timer = null;
      new ResizeObserver(function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(function () { fit(plot, FIT_ROUNDS); }, 100);
      }).observe(plot);
      return fitted.then(function () {
        replayPointer(container); // fitting redraws, which clears a hover label
        container.classList.add("chart-drawn");
        container.dispatchEvent(new CustomEvent("nkw:chart-drawn", { bubbles: true }));
      });
    });
  }

  function activate(container) {
    if (container.dataset.drawn) {
      return;
    }
    container.dataset.drawn = "loading";
    Promise.all([plotly(), figureOf(container)]).then(function (loaded) {
      container.dataset.drawn = "1";
      return draw(container, loaded[1]);
    }).catch(function () {
      delete container.dataset.drawn; // the server's drawing stays; the next interaction tries again
    });
  }

  function watch(container) {
    // Wait for the reader: the first sign of interest loads the interactive chart.
    if (container.dataset.watched) {
      return;
    }
    container.dataset.watched = "1";
    const figure = container.closest("figure") || container;
    function start() { activate(container); }
    function track(event) {
      // The mark nearest the pointer: its words show at once, from the figure (the drawing's own hover label).
      const mark = nearestMark(container, event.clientX, event.clientY);
      if (mark === container.hoveredMark) {
        return;
      }
      container.hoveredMark = mark;
      if (mark) {
        showTip(container, mark);
      } else {
        hideTip(container);
      }
    }
    // A pointer already over the chart when this script ran never "enters" it: its first move counts too.
    container.addEventListener("pointermove", function (event) {
      container.lastPointer = { x: event.clientX, y: event.clientY, type: event.pointerType };
      start();
      track(event);
    }, { passive: true });
    container.addEventListener("pointerover", track);
    container.addEventListener("pointerenter", function (event) {
      container.lastPointer = { x: event.clientX, y: event.clientY, type: event.pointerType };
      start();
    }, { once: true });
    container.addEventListener("pointerleave", function () {
      container.hoveredMark = null;
      hideTip(container);
    });
    container.addEventListener("pointerdown", start, { once: true });
    container.addEventListener("touchstart", start, { once: true, passive: true });
    figure.addEventListener("focusin", start, { once: true });
  }

  function drawAll(root) {
    // Charts swapped in after plotly.js has loaded (the explorer's) are drawn at once: the reader is using them.
    (root || document).querySelectorAll("[data-figure-src]").forEach(function (container) {
      if (window.Plotly) {
        activate(container);
      } else {
        watch(container);
      }
    });
  }

  darkQuery.addEventListener("change", function () {
    document.querySelectorAll(".chart-drawn").forEach(function (plot) {
      window.Plotly.relayout(plot, themeUpdate(plot.layout));
    });
  });

  // The page's explorer swaps in new charts without a reload and draws them through this.
  window.NKWCharts = { drawAll: drawAll, openOnClick: openOnClick, plotly: plotly };
  drawAll(document);
})();
