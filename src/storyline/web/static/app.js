// storyline serve: small conveniences only; every page works without this file.
// A filter's select submits its form when changed; pointing at a claim highlights its sentences in every column.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("select.autosubmit").forEach(function (el) {
    el.addEventListener("change", function () { el.form.submit(); });
  });
  document.querySelectorAll("[data-claim]").forEach(function (el) {
    var same = document.querySelectorAll('[data-claim="' + CSS.escape(el.dataset.claim) + '"]');
    el.addEventListener("mouseenter", function () { same.forEach(function (x) { x.classList.add("hover"); }); });
    el.addEventListener("mouseleave", function () { same.forEach(function (x) { x.classList.remove("hover"); }); });
  });
  var target = location.hash && document.getElementById(location.hash.slice(1));
  if (target) { target.scrollIntoView({block: "center"}); }
});
