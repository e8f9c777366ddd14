// The colour-scheme toggle (light / dark), in place of the theme's palette component.
//
// The page already shows the right scheme (partials/javascripts/palette.html sets it before
// first paint), so nothing here restyles the page on load: the theme's component set the same
// attributes again and then read the header's computed style, which restyled every element once
// more, the largest main-thread task on a phone. Here the page is restyled only when the reader
// switches. The choice is saved in the theme's format ("__palette"), which the next page reads.
// The browser's theme-color (a phone's address bar) follows the header: read from its style when
// the reader switches (reading it at load forced that restyle again), remembered per scheme for
// later pages.

(() => {
  "use strict";

  const form = document.querySelector("form[data-hb-palette]");
  if (!form) return;
  const inputs = Array.from(form.querySelectorAll("input[name=__palette]"));
  const KEYS = ["media", "scheme", "primary", "accent"];
  const COLORS = "__hb_theme_colors";

  function meta(name) {
    let element = document.head.querySelector(`meta[name="${name}"]`);
    if (!element) {
      element = document.createElement("meta");
      element.name = name;
      document.head.append(element);
    }
    return element;
  }

  function showColors(colors, scheme) {
    if (!colors[scheme]) return;
    meta("theme-color").content = colors[scheme].theme;
    meta("color-scheme").content = colors[scheme].scheme;
  }

  function followHeader(scheme) {
    const header = document.querySelector("header");
    if (!header) return;
    const style = window.getComputedStyle(header);
    const rgb = (style.backgroundColor.match(/\d+/g) || []).slice(0, 3);
    if (rgb.length !== 3) return;
    const theme = `#${rgb.map((n) => (+n).toString(16).padStart(2, "0")).join("")}`;
    const colors = { ...(__md_get(COLORS) || {}), [scheme]: { theme, scheme: style.colorScheme } };
    __md_set(COLORS, colors);
    showColors(colors, scheme);
  }

  function choose(index) {
    const input = inputs[index];
    const color = Object.fromEntries(KEYS.map((key) => [key, input.getAttribute(`data-md-color-${key}`)]));
    const body = document.body;
    body.setAttribute("data-md-color-switching", ""); // the theme's CSS: no transitions meanwhile
    for (const key of KEYS) body.setAttribute(`data-md-color-${key}`, color[key]);
    inputs.forEach((other, i) => {
      const label = other.nextElementSibling;
      if (label instanceof HTMLLabelElement) label.hidden = i !== index;
    });
    __md_set("__palette", { index, color });
    window.requestAnimationFrame(() => body.removeAttribute("data-md-color-switching"));
    followHeader(color.scheme);
  }

  inputs.forEach((input, index) => input.addEventListener("change", () => choose(index)));
  form.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    const current = Math.max(0, inputs.findIndex((input) => input.checked));
    const next = inputs[(current + 1) % inputs.length];
    event.preventDefault();
    next.click();
    next.focus();
  });
  showColors(__md_get(COLORS) || {}, document.body.getAttribute("data-md-color-scheme"));
})();
