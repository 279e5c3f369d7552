/* 预算公开助手 WPS 加载项: the ribbon callbacks named in ribbon.xml. Plain ES5 on purpose: WPS
 * loads this file as it is (no bundler) in whatever Chromium its build embeds.
 * APIs: wps.CreateTaskPane(url, title) / wps.GetTaskPane(id) and wps.PluginStorage
 * (et-jsapi-declare index.d.ts, WPS.AddonRoot); some documents spell it CreateTaskpane. */
var PANE_KEY = 'budgetdisclosure_taskpane_id';
var PANE_TITLE = '预算公开助手';
var DOCK_RIGHT = 2; // msoCTPDockPositionRight

function addinBase() {
  var href = String(document.location.href);
  return href.substring(0, href.lastIndexOf('/') + 1);
}

function OnAddinLoad(ribbonUI) {
  if (typeof wps === 'object' && ribbonUI && !wps.ribbonUI) wps.ribbonUI = ribbonUI;
  return true;
}

function GetImage() {
  return 'images/icon-32.png';
}

function findPane() {
  var id = wps.PluginStorage ? wps.PluginStorage.getItem(PANE_KEY) : null;
  if (!id) return null;
  try {
    return wps.GetTaskPane(id) || null;
  } catch (e) {
    return null;
  }
}

function OnOpenPane() {
  var pane = findPane();
  if (!pane) {
    var create = wps.CreateTaskPane || wps.CreateTaskpane;
    if (!create) {
      alert('当前 WPS 不支持任务窗格（CreateTaskPane），无法打开预算公开助手，请升级 WPS。');
      return true;
    }
    pane = create.call(wps, addinBase() + 'taskpane.html', PANE_TITLE);
    if (wps.PluginStorage) wps.PluginStorage.setItem(PANE_KEY, pane.ID);
    try {
      pane.DockPosition = DOCK_RIGHT;
      pane.Width = 360;
    } catch (e) {
      // Docking and width are courtesies; the pane works without them.
    }
  }
  pane.Visible = true;
  return true;
}
