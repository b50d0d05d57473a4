// Drag the agenda's items into a new order, then save it. Without JavaScript (and from the
// keyboard) the Up and Down buttons on each item do the same, one step at a time.
(function () {
  "use strict";
  var list = document.querySelector("ol.agenda[data-reorder]");
  var form = document.getElementById("ordning-form");
  if (!list || !form) { return; }
  var input = document.getElementById("ordning");
  var status = document.getElementById("ordning-status");
  var dragged = null;
  var items = function () { return Array.prototype.slice.call(list.querySelectorAll("li[data-id]")); };
  var original = items().map(function (li) { return li.dataset.id; }).join(",");

  function changed() {
    var order = items().map(function (li) { return li.dataset.id; }).join(",");
    input.value = order;
    var moved = order !== original;
    form.hidden = !moved;
    status.textContent = moved ? "Ordningen är ändrad men inte sparad." : "";
  }

  items().forEach(function (li) {
    li.setAttribute("draggable", "true");
    li.classList.add("draggable");
    li.addEventListener("dragstart", function (event) {
      dragged = li;
      li.classList.add("dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", li.dataset.id);
    });
    li.addEventListener("dragend", function () {
      li.classList.remove("dragging");
      dragged = null;
      changed();
    });
    li.addEventListener("dragover", function (event) {
      if (!dragged || dragged === li) { return; }
      event.preventDefault();
      var box = li.getBoundingClientRect();
      var after = event.clientY > box.top + box.height / 2;
      list.insertBefore(dragged, after ? li.nextSibling : li);
    });
    li.addEventListener("drop", function (event) { event.preventDefault(); changed(); });
  });
})();
