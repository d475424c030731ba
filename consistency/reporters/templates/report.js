(function () {
  "use strict";
  var rule = document.getElementById("rule-filter");
  var status = document.getElementById("status-filter");
  var count = document.getElementById("shown-count");
  var cards = document.querySelectorAll(".finding");
  function apply() {
    var shown = 0;
    for (var i = 0; i < cards.length; i++) {
      var card = cards[i];
      var ok = (!rule.value || card.getAttribute("data-rule") === rule.value) &&
               (!status.value || card.getAttribute("data-status") === status.value);
      card.hidden = !ok;
      if (ok) { shown += 1; }
    }
    count.textContent = shown + " of " + cards.length + " findings shown";
  }
  rule.addEventListener("change", apply);
  status.addEventListener("change", apply);
  apply();
}());
