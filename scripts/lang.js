// Shows the prerendered start page (src/content/start.html) in the visitor's language before the
// app starts: the language they chose (stored by the app), else the browser's. Loaded by
// index.html as a small blocking script with integrity (scripts/postbuild.mjs), because an
// inline one would break the Content-Security-Policy. The app sets the language itself when it
// mounts, from the same choice or the sales team's default_language.
try {
  const settings = JSON.parse(localStorage.getItem('preflight.settings') || '{}');
  const tags = [settings.language, ...(navigator.languages || []), navigator.language];
  const tag = tags.map((t) => String(t || '').toLowerCase()).find((t) => /^(en|zh)(-|$)/.test(t));
  if (tag && tag.startsWith('zh')) document.documentElement.lang = 'zh-CN';
} catch {
  // No storage (private mode) or a broken record: English, as the app would fall back.
}
