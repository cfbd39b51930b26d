// Installed in every page the benchmark opens, before the page's own scripts (Playwright init script).
// Every time is performance.now(): milliseconds since navigation start.
//   svgPaintedAt     the first server-drawn chart (svg.chart-svg with a box) is painted: the first animation
//                    frame AFTER the frame in which it was first seen, so that frame has been painted
//   allSvgPaintedAt  the same for the last server-drawn chart to appear (a page with several)
//   chartDoneAt      Plotly has drawn window.__expectedPoints points (the references' time to chart)
//   hoverAt          a hover label first appears: Plotly's, or the server drawing's own (.chart-tip, shown by
//                    static/charts.js with the same words while plotly.js loads)
(() => {
  const clock = { svgPaintedAt: undefined, allSvgPaintedAt: undefined, chartDoneAt: undefined, hoverAt: undefined };
  window.__bench = clock;
  const hasBox = (element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  let svgsSeen = 0;
  let newSvgInLastFrame = false;
  const frame = () => {
    const now = performance.now();
    if (newSvgInLastFrame) {
      if (clock.svgPaintedAt === undefined) clock.svgPaintedAt = now;
      clock.allSvgPaintedAt = now;
      newSvgInLastFrame = false;
    }
    const svgs = Array.from(document.querySelectorAll("svg.chart-svg")).filter(hasBox).length;
    if (svgs > svgsSeen) {
      svgsSeen = svgs;
      newSvgInLastFrame = true;
    }
    const expected = window.__expectedPoints;
    if (expected && clock.chartDoneAt === undefined
        && document.querySelectorAll(".scatterlayer path.point").length >= expected) {
      clock.chartDoneAt = now;
    }
    if (now < 60000) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  new MutationObserver(() => {
    if (clock.hoverAt === undefined
        && document.querySelector(".hoverlayer .hovertext, .chart-tip:not([hidden]):not(:empty)")) {
      clock.hoverAt = performance.now();
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["hidden"] });
})();
