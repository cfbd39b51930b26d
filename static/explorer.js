// The chart explorer: the filter form (a plain GET form without JavaScript) updates the chart and the
// address in place; a search box narrows the country list; the chart's parts become tabs.
// No inline script anywhere: the Content-Security-Policy forbids it.
"use strict";

(function () {
  // The order and defaults of the server's normal form (app/charts/query.py, ChartQuery.params),
  // so that the address written here is the page's canonical one.
  const FILTERS = ["countries", "from", "to", "as_of", "indicator", "scale"];
  const NARROW = window.matchMedia("(max-width: 640px)");
  const DATE_PAUSE_MS = 700;

  function announce(element, words) {
    // Emptied first so the same words are announced again.
    element.textContent = "";
    window.setTimeout(function () { element.textContent = words; }, 50);
  }

  function formAddress(form) {
    const data = new FormData(form);
    const parts = [];
    FILTERS.forEach(function (name) {
      let values = data.getAll(name).map(function (value) { return String(value).trim(); }).filter(Boolean);
      if (name === "countries" && values.length) {
        values = [values.map(function (code) { return code.toLowerCase(); }).sort().join(",")];
      }
      const value = values[0];
      const field = form.elements.namedItem(name);
      const fallback = name === "scale" ? "linear" : field && field.dataset ? field.dataset.default : undefined;
      if (value && value !== fallback) {
        parts.push(name + "=" + encodeURIComponent(value).replace(/%2C/g, ","));
      }
    });
    const path = new URL(form.action, window.location.href).pathname;
    return path + (parts.length ? "?" + parts.join("&") : "");
  }

  function setUpSearch(form, picker) {
    const box = picker.querySelector("[data-country-search]");
    if (!box) {
      return;
    }
    box.hidden = false;
    const input = box.querySelector("input");
    const count = box.querySelector("[role=status]");
    const fold = function (text) { return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); };
    let timer = null;
    input.addEventListener("input", function () {
      const wanted = fold(input.value.trim());
      let shown = 0;
      picker.querySelectorAll("fieldset").forEach(function (region) {
        let inRegion = 0;
        region.querySelectorAll("li").forEach(function (item) {
          const box = item.querySelector("input");
          const match = !wanted || fold(item.textContent).includes(wanted) || box.value.startsWith(wanted);
          item.hidden = !match;
          inRegion += match ? 1 : 0;
        });
        region.hidden = inRegion === 0;
        shown += inRegion;
      });
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        count.textContent = wanted ? shown + (shown === 1 ? " country matches" : " countries match") : "";
      }, 300);
    });
    // Enter in the search box would submit the form: it only filters the list.
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
      }
    });
    input.removeAttribute("name");
  }

  function chosenNames(form) {
    // The names of the ticked countries, as their labels read.
    return Array.from(form.querySelectorAll("input[name=countries]:checked")).map(function (box) {
      return box.parentElement.textContent.trim();
    });
  }

  function chosenSummary(form) {
    const summary = form.querySelector("[data-chosen-summary]");
    if (!summary) {
      return;
    }
    const names = chosenNames(form);
    summary.textContent = names.length ? names.join(", ") : "all";
  }

  function syncForm(form, fresh) {
    // After back or forward: the form shows the filters of the view now drawn.
    if (!fresh) {
      return;
    }
    Array.from(form.elements).forEach(function (field) {
      if (!field.name) {
        return;
      }
      const twin = Array.from(fresh.elements).find(function (other) {
        return other.name === field.name && (field.type !== "checkbox" && field.type !== "radio" || other.value === field.value);
      });
      if (field.type === "checkbox" || field.type === "radio") {
        field.checked = Boolean(twin && twin.checked);
      } else if (twin) {
        field.value = twin.value;
      }
    });
    chosenSummary(form);
    form.dispatchEvent(new Event("explorer:synced"));
  }

  function setUpTabs(nav) {
    const list = nav.querySelector("ul");
    const tabs = Array.from(list.querySelectorAll("a[href^='#']"));
    const panels = tabs.map(function (tab) { return document.getElementById(tab.hash.slice(1)); });
    if (panels.some(function (panel) { return !panel; })) {
      return; // a part is missing: leave the links as they are
    }
    list.setAttribute("role", "tablist");
    list.setAttribute("aria-label", nav.getAttribute("aria-label"));
    nav.removeAttribute("aria-label");
    nav.setAttribute("role", "presentation");
    Array.from(list.children).forEach(function (item) { item.setAttribute("role", "presentation"); });
    tabs.forEach(function (tab, index) {
      tab.setAttribute("role", "tab");
      tab.id = "tab-" + panels[index].id;
      tab.setAttribute("aria-controls", panels[index].id);
      panels[index].setAttribute("role", "tabpanel");
      panels[index].setAttribute("aria-labelledby", tab.id);
      panels[index].removeAttribute("aria-label");
    });
    nav.parentElement.classList.add("has-tabs");

    function select(index, focus) {
      tabs.forEach(function (tab, other) {
        const chosen = other === index;
        tab.setAttribute("aria-selected", String(chosen));
        tab.tabIndex = chosen ? 0 : -1;
        panels[other].hidden = !chosen;
      });
      // The table tab shows the table: its disclosure is opened for the reader.
      panels[index].querySelectorAll("details.chart-data").forEach(function (details) { details.open = true; });
      if (focus) {
        tabs[index].focus();
      }
    }

    list.addEventListener("click", function (event) {
      const tab = event.target.closest("[role=tab]");
      if (tab) {
        event.preventDefault();
        select(tabs.indexOf(tab), true);
      }
    });
    list.addEventListener("keydown", function (event) {
      const current = tabs.indexOf(document.activeElement);
      if (current < 0) {
        return;
      }
      const moves = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: tabs.length - 1 };
      if (event.key === " ") {
        event.preventDefault();
        select(current, true);
        return;
      }
      if (!(event.key in moves)) {
        return;
      }
      event.preventDefault();
      select((moves[event.key] + tabs.length) % tabs.length, true);
    });
    const fromAddress = tabs.findIndex(function (tab) { return tab.hash === window.location.hash; });
    select(fromAddress < 0 ? 0 : fromAddress, false);
    return function reopen() {
      const index = tabs.findIndex(function (tab) { return tab.getAttribute("aria-selected") === "true"; });
      select(index < 0 ? 0 : index, false);
    };
  }

  function filterSummary(form) {
    // What the folded form holds, said on its button: "Filter: China, Russia, from 2017".
    const names = chosenNames(form);
    const parts = names.length > 2 ? [names.length + " countries"] : names;
    const value = function (name) {
      const field = form.elements.namedItem(name);
      return field && field.value ? field.value : "";
    };
    const indicator = form.elements.namedItem("indicator");
    if (indicator && indicator.value !== indicator.dataset.default) {
      parts.unshift(indicator.selectedOptions[0].textContent);
    }
    if (value("from")) {
      parts.push("from " + value("from"));
    }
    if (value("to")) {
      parts.push("to " + value("to"));
    }
    if (value("as_of")) {
      parts.push("as reported by " + value("as_of"));
    }
    if (form.querySelector("input[name=scale][value=log]:checked")) {
      parts.push("log scale");
    }
    return parts.join(", ");
  }

  function setUpToggle(explorer, form) {
    const toggle = explorer.querySelector(".explorer-toggle");
    if (!toggle) {
      return;
    }
    const summary = document.createElement("span");
    summary.className = "explorer-toggle-summary";
    toggle.appendChild(summary);
    function describe() {
      const words = filterSummary(form);
      summary.textContent = words ? ": " + words : "";
    }
    describe();
    form.addEventListener("change", describe);
    form.addEventListener("explorer:synced", describe);
    function show(open) {
      toggle.setAttribute("aria-expanded", String(open));
      explorer.classList.toggle("filters-open", open);
    }
    // A link without a script (it opens the form as its target); a button with one.
    toggle.addEventListener("click", function (event) {
      event.preventDefault();
      show(toggle.getAttribute("aria-expanded") !== "true");
    });
    toggle.addEventListener("keydown", function (event) {
      if (event.key === " ") {
        event.preventDefault();
        toggle.click();
      }
    });
    // On a phone the form starts folded behind the button (the stylesheet folds it, so the chart is the first
    // thing seen and nothing moves when this runs); on a wider screen the form shows and the button does not.
    show(!NARROW.matches);
    form.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && NARROW.matches) {
        show(false);
        toggle.focus();
      }
    });
  }

  function setUp(explorer) {
    const form = explorer.querySelector("[data-explorer-form]");
    if (!form) {
      return;
    }
    const status = explorer.querySelector("[data-explorer-status]");
    const error = explorer.querySelector("[data-explorer-error]");
    const picker = form.querySelector(".country-picker");
    const nav = explorer.querySelector("[data-tabs]");
    const reopenTab = nav ? setUpTabs(nav) : null;
    if (picker) {
      setUpSearch(form, picker);
    }
    setUpToggle(explorer, form);
    let controller = null;
    let shown = window.location.pathname + window.location.search; // the view on screen

    function showError(words) {
      error.textContent = words;
      error.hidden = !words;
    }

    function load(address, push) {
      if (controller) {
        controller.abort();
      }
      controller = new AbortController();
      explorer.setAttribute("aria-busy", "true");
      return fetch(address, { signal: controller.signal, headers: { Accept: "text/html" } })
        .then(function (response) {
          return response.text().then(function (text) {
            const page = new DOMParser().parseFromString(text, "text/html");
            if (!response.ok) {
              const detail = page.querySelector(".error-detail");
              showError(detail ? detail.textContent.trim() : "The server answered " + response.status + ".");
              return null;
            }
            showError("");
            let claims = 0;
            explorer.querySelectorAll("[data-swap]").forEach(function (old) {
              const fresh = page.querySelector('[data-swap="' + old.dataset.swap + '"]');
              if (!fresh) {
                return;
              }
              const copy = document.importNode(fresh, true);
              old.replaceWith(copy);
              claims += Number(copy.dataset.claims || 0);
              if (copy.querySelector("[data-figure-src]") && window.NKWCharts) {
                window.NKWCharts.drawAll(copy);
              }
            });
            if (reopenTab) {
              reopenTab();
            }
            document.title = page.title;
            if (push) {
              window.history.pushState({ explorer: true }, "", address);
            }
            shown = address;
            announce(status, "Showing " + claims + (claims === 1 ? " claim" : " claims"));
            return page;
          });
        })
        .catch(function (problem) {
          if (problem.name !== "AbortError") {
            showError("Could not load the chart. Check the connection and try again.");
          }
          return null;
        })
        .finally(function () {
          explorer.removeAttribute("aria-busy");
        });
    }

    function update() {
      chosenSummary(form);
      const address = formAddress(form);
      if (address !== shown) {
        load(address, true);
      }
    }

    let typing = null;
    form.addEventListener("change", function (event) {
      window.clearTimeout(typing);
      if (event.target.type === "search") {
        return;
      }
      if (event.target.type === "date") {
        // A date is typed a part at a time and each part makes a whole date ("0002-05-01"): wait for a pause.
        typing = window.setTimeout(update, DATE_PAUSE_MS);
        return;
      }
      update();
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      update();
    });
    const reset = form.querySelector("[data-explorer-reset]");
    if (reset) {
      reset.addEventListener("click", function (event) {
        event.preventDefault();
        form.querySelectorAll("input[name=countries]").forEach(function (box) { box.checked = false; });
        ["from", "to", "as_of"].forEach(function (name) {
          const field = form.elements.namedItem(name);
          if (field) {
            field.value = "";
          }
        });
        const linear = form.querySelector("input[name=scale][value=linear]");
        if (linear) {
          linear.checked = true;
        }
        const indicator = form.elements.namedItem("indicator");
        if (indicator) {
          indicator.value = indicator.dataset.default;
        }
        update();
        form.dispatchEvent(new Event("explorer:synced"));
      });
    }
    window.history.replaceState({ explorer: true }, "");
    window.addEventListener("popstate", function () {
      const address = window.location.pathname + window.location.search;
      if (address === shown || window.location.pathname !== new URL(form.action, window.location.href).pathname) {
        return; // an in-page link's step back, or another page
      }
      load(address, false).then(function (page) {
        syncForm(form, page && page.querySelector("[data-explorer-form]"));
      });
    });
  }

  document.querySelectorAll("[data-explorer]").forEach(setUp);
})();
