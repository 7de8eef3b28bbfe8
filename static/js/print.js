// The print button is hidden in the markup so that readers without JavaScript never see a
// button that does nothing; this reveals it and wires it to the browser's print dialog.
document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
