// Registers the service worker (pwa/sw.template.js) where browsers allow one: https, or this
// machine. When a new version has been installed beside the running one, a bar offers to
// reload into it, in the language the app shows (the page's `lang`, which the app sets; the
// app's words are in src/ui/words, these three are the only ones outside it). Text only
// through textContent.
(() => {
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(location.hostname);
  if (!('serviceWorker' in navigator) || !(location.protocol === 'https:' || local)) return;

  const WORDS = {
    zh: { ready: '新版本已就绪。', reload: '重新加载', later: '稍后' },
    en: { ready: 'A new version of biaozhu is ready. ', reload: 'Reload', later: 'Later' },
  };

  function offerUpdate(waiting) {
    if (document.querySelector('[data-testid=update-prompt]')) return;
    const words = document.documentElement.lang.startsWith('zh') ? WORDS.zh : WORDS.en;
    const bar = document.createElement('div');
    bar.className = 'update-prompt';
    bar.dataset.testid = 'update-prompt';
    bar.setAttribute('role', 'status');
    const text = document.createElement('span');
    text.textContent = words.ready;
    const reload = document.createElement('button');
    reload.dataset.testid = 'update-reload';
    reload.textContent = words.reload;
    reload.addEventListener('click', () => waiting.postMessage('take-over'));
    const later = document.createElement('button');
    later.textContent = words.later;
    later.addEventListener('click', () => bar.remove());
    bar.append(text, reload, later);
    document.body.append(bar);
  }

  window.addEventListener('load', async () => {
    try {
      const registration = await navigator.serviceWorker.register('./sw.js', { scope: './' });
      // Reload once the new version has taken over (after Reload in the bar).
      let reloading = false;
      navigator.serviceWorker.addEventListener('controllerchange', () => {
        if (!reloading && sessionStorage.getItem('biaozhu.update') === 'asked') {
          reloading = true;
          sessionStorage.removeItem('biaozhu.update');
          location.reload();
        }
      });
      const watch = (worker) => worker.addEventListener('statechange', () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) offerUpdate(worker);
      });
      if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
      if (registration.installing) watch(registration.installing);
      registration.addEventListener('updatefound', () => watch(registration.installing));
      document.addEventListener('click', (event) => {
        if (event.target?.dataset?.testid === 'update-reload') sessionStorage.setItem('biaozhu.update', 'asked');
      }, true);
    } catch (error) {
      // No service worker (a private window may refuse one): the app works online as before.
      console.warn('biaozhu: the offline copy could not be set up:', error);
    }
  });
})();
