// Registers the service worker (pwa/sw.template.js) where browsers allow one: https, or this
// machine. When a new version has been installed beside the running one, a bar offers to
// reload into it. Text only through textContent; the strings are the app's two languages.
(() => {
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(location.hostname);
  if (!('serviceWorker' in navigator) || !(location.protocol === 'https:' || local)) return;

  function offerUpdate(waiting) {
    if (document.querySelector('[data-testid=update-prompt]')) return;
    const bar = document.createElement('div');
    bar.className = 'update-prompt';
    bar.dataset.testid = 'update-prompt';
    bar.setAttribute('role', 'status');
    const text = document.createElement('span');
    text.textContent = '新版本已就绪 A new version of biaozhu is ready. ';
    const reload = document.createElement('button');
    reload.dataset.testid = 'update-reload';
    reload.textContent = '重新加载 Reload';
    reload.addEventListener('click', () => waiting.postMessage('take-over'));
    const later = document.createElement('button');
    later.textContent = '稍后 Later';
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
