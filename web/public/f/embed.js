/*
 * Apres public form, embedded on a brand's own site:
 *   <script src="https://support.example/f/embed.js" data-brand="<brand slug>" async></script>
 * Inserts the form's iframe after this script and sizes it to its content. Only a message from the
 * form's own origin and from this very iframe is believed, and only a height is read from it.
 */
(function () {
  var script = document.currentScript;
  if (!script) return;
  var origin = new URL(script.src).origin;
  var brand = script.getAttribute('data-brand') || '';
  var lang = script.getAttribute('data-lang');
  var frame = document.createElement('iframe');
  frame.src = origin + '/f/' + encodeURIComponent(brand) + '?embed=1' + (lang ? '&lang=' + encodeURIComponent(lang) : '');
  frame.title = script.getAttribute('data-title') || 'Support request';
  frame.style.cssText = 'display:block;width:100%;min-height:320px;height:720px;border:0;';
  script.parentNode.insertBefore(frame, script.nextSibling);
  window.addEventListener('message', function (event) {
    if (event.origin !== origin || event.source !== frame.contentWindow) return;
    var data = event.data;
    if (!data || data.type !== 'apres:form-height' || typeof data.height !== 'number' || !isFinite(data.height)) return;
    frame.style.height = Math.max(320, Math.min(Math.ceil(data.height) + 4, 20000)) + 'px';
  });
})();
