// Draws each map of host countries ([data-map]) with the basic plotly.js bundle: country shapes as filled
// scatter traces, from the projected shapes this site serves (data-shapes), and a dot per country with a
// claim (its hover and its link). No request leaves the site; no scroll or zoom is taken from the page.
// The shapes and plotly.js are fetched only when a map comes near the viewport, so a page that never shows one
// pays nothing.
"use strict";

(function () {
  const NEAR = "300px"; // start fetching this far before the map scrolls into view
  const darkQuery = window.matchMedia("(prefers-color-scheme: dark)");
  const shapesByUrl = {};
  const drawn = [];

  function cssColour(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }

  function shapes(url) {
    if (!shapesByUrl[url]) {
      shapesByUrl[url] = fetch(url).then(function (response) {
        if (!response.ok) {
          throw new Error("map shapes: HTTP " + response.status);
        }
        return response.json();
      });
    }
    return shapesByUrl[url];
  }

  function fillTrace(rings, colour, name) {
    // One trace per colour: rings separated by nulls are filled one by one ('toself').
    const x = [];
    const y = [];
    rings.forEach(function (ring) {
      for (let i = 0; i < ring.length; i += 2) {
        x.push(ring[i]);
        y.push(ring[i + 1]);
      }
      x.push(null);
      y.push(null);
    });
    return {
      type: "scatter", mode: "lines", name: name, x: x, y: y, fill: "toself", fillcolor: colour,
      line: { width: 0.5, color: cssColour("--bg") }, hoverinfo: "skip",
    };
  }

  function traces(world, places) {
    const colourOf = {};
    places.forEach(function (place) { colourOf[place.iso3] = place.colour; });
    const byColour = {};
    const land = [];
    Object.keys(world).forEach(function (iso3) {
      const colour = colourOf[iso3];
      if (colour) {
        (byColour[colour] = byColour[colour] || []).push.apply(byColour[colour], world[iso3]);
      } else {
        land.push.apply(land, world[iso3]);
      }
    });
    const fills = [fillTrace(land, cssColour("--rule"), "land")];
    Object.keys(byColour).forEach(function (colour) { fills.push(fillTrace(byColour[colour], colour, "claims")); });
    const dots = {
      type: "scatter", mode: "markers", name: "places",
      x: places.map(function (p) { return p.x; }),
      y: places.map(function (p) { return p.y; }),
      text: places.map(function (p) { return p.hover; }),
      customdata: places.map(function (p) { return p.url; }),
      hovertemplate: "%{text}<extra></extra>",
      marker: {
        size: 10, color: places.map(function (p) { return p.colour; }),
        line: { width: 1.5, color: cssColour("--text") },
      },
    };
    return fills.concat([dots]);
  }

  function bounds(world) {
    const box = [Infinity, -Infinity, Infinity, -Infinity];
    Object.keys(world).forEach(function (iso3) {
      world[iso3].forEach(function (ring) {
        for (let i = 0; i < ring.length; i += 2) {
          box[0] = Math.min(box[0], ring[i]);
          box[1] = Math.max(box[1], ring[i]);
          box[2] = Math.min(box[2], ring[i + 1]);
          box[3] = Math.max(box[3], ring[i + 1]);
        }
      });
    });
    return box;
  }

  function layout(box, width) {
    const text = cssColour("--text");
    const axis = { visible: false, fixedrange: true };
    return {
      width: width,
      height: Math.round(width * (box[3] - box[2]) / (box[1] - box[0])),
      margin: { l: 0, r: 0, t: 0, b: 0 },
      xaxis: Object.assign({ range: [box[0], box[1]] }, axis),
      yaxis: Object.assign({ range: [box[2], box[3]], scaleanchor: "x" }, axis),
      showlegend: false,
      dragmode: false,
      hovermode: "closest",
      paper_bgcolor: "rgba(0,0,0,0)",
      plot_bgcolor: "rgba(0,0,0,0)",
      hoverlabel: { bgcolor: cssColour("--bg"), bordercolor: text, font: { color: text } },
    };
  }

  const CONFIG = { displayModeBar: false, scrollZoom: false, doubleClick: false, showTips: false, responsive: false };

  function draw(container) {
    const data = JSON.parse(document.getElementById(container.dataset.map).textContent);
    // plotly.js comes with the shapes: the page's charts (charts.js) load it only when needed, once for all.
    return Promise.all([shapes(container.dataset.shapes), window.NKWCharts.plotly()]).then(function (loaded) {
      const world = loaded[0];
      const box = bounds(world);
      container.mapBox = box;
      container.mapWorld = world;
      container.mapPlaces = data.places;
      return window.Plotly.newPlot(container, traces(world, data.places), layout(box, container.clientWidth), CONFIG);
    }).then(function (plot) {
      // The charts' click rule (static/charts.js): a click opens the country, a tap previews it first.
      window.NKWCharts.openOnClick(plot, function (point) {
        return point.data.name === "places" ? point.customdata : null;
      });
      drawn.push(plot);
      plot.dataset.drawn = "true";
    }).catch(function (error) {
      container.textContent = "The map could not be drawn (" + error.message + "). The table lists every country.";
    });
  }

  function redraw() {
    // New width or theme: rebuild the traces (their colours come from the page's CSS variables).
    drawn.forEach(function (plot) {
      window.Plotly.react(plot, traces(plot.mapWorld, plot.mapPlaces), layout(plot.mapBox, plot.clientWidth), CONFIG);
    });
  }

  function start() {
    const maps = Array.prototype.slice.call(document.querySelectorAll("[data-map]"));
    if (!window.NKWCharts || maps.length === 0) {
      return;
    }
    if (!("IntersectionObserver" in window)) {
      maps.forEach(draw);
    } else {
      const observer = new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
          if (entry.isIntersecting) {
            observer.unobserve(entry.target);
            draw(entry.target);
          }
        });
      }, { rootMargin: NEAR });
      maps.forEach(function (map) { observer.observe(map); });
    }
    let pending = null;
    window.addEventListener("resize", function () {
      window.clearTimeout(pending);
      pending = window.setTimeout(redraw, 150);
    });
    darkQuery.addEventListener("change", redraw);
    // Choosing an indicator submits the form at once (a plain GET form without JavaScript). The date waits for
    // its button: a date being typed fires "change" at every digit of the year.
    document.querySelectorAll("form.map-controls select").forEach(function (select) {
      select.addEventListener("change", function () { select.form.requestSubmit(); });
    });
  }

  start();
}());
