/* 预算公开助手: the first script on the task pane's page, written in ES5 on purpose.
 *
 * Volume-licensed Office 2016/2019 (and older builds without WebView2) show add-ins in Internet
 * Explorer 11 ("Trident") or Edge Legacy ("EdgeHTML"), where the React/Fluent UI pane cannot run
 * and the pane would stay blank (office-js-docs-pr, docs/concepts/browsers-used-by-office-web-add-ins.md).
 * The docs recommend a graceful message found from the user agent, as early as possible
 * (docs/develop/support-ie-11.md). This script tells the clerk, in Chinese, what to do instead,
 * and sets window.budgetDisclosureLegacy so the bundle (if it parses at all) stays out of the way.
 *
 * It must stay ES5: test/taskpane/legacyWebview.test.ts parses it with acorn (ecmaVersion 5).
 * The browser page's address comes from <meta name="budget-disclosure-web" content="…">, which
 * the build writes for the address it was built for.
 */
(function () {
  var ua = (window.navigator && window.navigator.userAgent) || '';
  var engine = '';
  if (/Trident\/|MSIE /.test(ua)) engine = 'Internet Explorer';
  // Edge Legacy says "Edge/18…"; the Chromium Edge (WebView2) says "Edg/…" and is fine.
  else if (/\bEdge\/\d+/.test(ua)) engine = '旧版 Edge（EdgeHTML）';
  if (!engine) return;
  window.budgetDisclosureLegacy = engine;

  function webAddress() {
    var metas = document.getElementsByTagName('meta');
    for (var i = 0; i < metas.length; i++) {
      if (metas[i].getAttribute('name') === 'budget-disclosure-web') return metas[i].getAttribute('content') || '';
    }
    return '';
  }

  function el(tag, text) {
    var e = document.createElement(tag);
    if (text) e.appendChild(document.createTextNode(text));
    return e;
  }

  function show() {
    var root = document.getElementById('root');
    if (!root) {
      root = el('div');
      document.body.appendChild(root);
    }
    while (root.firstChild) root.removeChild(root.firstChild);
    var box = el('div');
    box.id = 'legacy-webview';
    box.setAttribute('role', 'alert');
    box.style.padding = '12px';
    box.style.lineHeight = '1.6';
    box.style.fontSize = '14px';
    box.appendChild(el('h2', '此 Excel 无法显示预算公开助手'));
    box.appendChild(
      el('p', '本机 Excel 用 ' + engine + ' 内核显示加载项，预算公开助手需要更新的内核，所以这里不能使用。您可以：')
    );
    var list = el('ol');
    var web = webAddress();
    var first = el(
      'li',
      '现在就用网页版：在 Edge、Chrome 或 360 安全浏览器（极速模式）中打开下面的地址，把工作簿拖进页面即可校验和生成绩效目标表，文件不会上传到任何地方。'
    );
    if (web) {
      var input = el('input');
      input.type = 'text';
      input.readOnly = true;
      input.value = web;
      input.style.width = '100%';
      input.style.boxSizing = 'border-box';
      input.style.marginTop = '4px';
      input.onclick = function () {
        input.select();
      };
      first.appendChild(el('br'));
      first.appendChild(input);
    }
    list.appendChild(first);
    list.appendChild(
      el(
        'li',
        '请单位信息管理员（IT）把 Office 升级到 Office 2021、Office 2024 或 Microsoft 365；如本机是零售版 Office 2016/2019 或 Microsoft 365，安装 Microsoft Edge WebView2 运行时后重新打开 Excel 也可以。'
      )
    );
    box.appendChild(list);
    root.appendChild(box);
  }

  if (document.readyState === 'loading') {
    if (document.addEventListener) document.addEventListener('DOMContentLoaded', show, false);
    else if (document.attachEvent)
      document.attachEvent('onreadystatechange', function () {
        if (document.readyState === 'complete') show();
      });
  } else {
    show();
  }
})();
