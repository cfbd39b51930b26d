// Draws every chart on the page from its <script type="application/json"> figure.
// No inline script anywhere: the Content-Security-Policy forbids it.
"use strict";

(function () {
  const NARROW_PX = 560; // below this, event labels crowd each other; the list under the chart has them

  function showEventLabels(plot) {
    const annotations = (plot.layout.annotations || []);
    const visible = plot.clientWidth >= NARROW_PX;
    const update = {};
    annotations.forEach(function (annotation, index) {
      if (annotation.name === "event-label" && annotation.visible !== visible) {
        update["annotations[" + index + "].visible"] = visible;
      }
    });
    if (Object.keys(update).length && plot.layout.meta && plot.layout.meta.labelMarginTop) {
      // Hidden labels need no room above the plot.
      update["margin.t"] = visible ? plot.layout.meta.labelMarginTop : 24;
    }
    if (Object.keys(update).length) {
      window.Plotly.relayout(plot, update);
    }
  }

  function draw(container) {
    const source = document.getElementById(container.dataset.figure);
    if (!source || !window.Plotly) {
      return;
    }
    const figure = JSON.parse(source.textContent);
    window.Plotly.newPlot(container, figure.data, figure.layout, figure.config).then(function (plot) {
      const loading = container.querySelector(".chart-loading");
      if (loading) {
        loading.remove();
      }
      container.classList.add("chart-drawn");
      plot.on("plotly_click", function (event) {
        const point = event.points && event.points[0];
        const target = point && point.customdata && point.customdata[0];
        if (target) {
          window.location.assign(target);
        }
      });
      showEventLabels(plot);
    });
  }

  let resizeTimer = null;
  window.addEventListener("resize", function () {
    window.clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(function () {
      document.querySelectorAll(".chart-drawn").forEach(showEventLabels);
    }, 150);
  });

  document.querySelectorAll("[data-figure]").forEach(draw);
})();
