// Videos in articles are links until the visitor asks to play one here: only then is the
// provider's player (youtube-nocookie.com or Vimeo with dnt=1) loaded, in place of the link.
// Progressive enhancement: without this script the link to the video's own page remains.
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("figure[data-video-player]"), function (figure) {
    var frame = figure.querySelector(".video__frame");
    var button = figure.querySelector(".video__play");
    if (!frame || !button) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var player = document.createElement("iframe");
      player.src = figure.getAttribute("data-video-player");
      player.title = figure.getAttribute("data-video-title");
      player.className = "video__player";
      player.setAttribute("allow", "fullscreen; picture-in-picture");
      player.setAttribute("allowfullscreen", "");
      player.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
      frame.replaceWith(player);
      player.focus();
    });
  });
})();
